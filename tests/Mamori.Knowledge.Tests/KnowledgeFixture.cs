using Mamori.Core;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests;

/// <summary>The repository's real content root (knowledge/, prompts/), for tests that check behaviour a user would notice on real content.</summary>
internal static class KnowledgeFixture
{
    public static ContentRoot Content { get; } = ContentRoot.Locate(startDirectory: AppContext.BaseDirectory);

    private static readonly Lazy<KnowledgeRetriever> LazyRetriever = new(() =>
        KnowledgeRetriever.CreateEmbedded(Content, TempDirectory()));

    public static KnowledgeRetriever Retriever => LazyRetriever.Value;

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "mamori-retrieval-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
