using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests;

/// <summary>The repository's real knowledge/ folder, for tests that check behaviour a user would notice on real content.</summary>
internal static class KnowledgeFixture
{
    public static string Root { get; } = KnowledgePaths.FindKnowledgeRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("knowledge/ not found above the test folder");

    private static readonly Lazy<KnowledgeRetriever> LazyRetriever = new(() =>
        KnowledgeRetriever.CreateEmbedded(Root, TempDirectory()));

    public static KnowledgeRetriever Retriever => LazyRetriever.Value;

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "mamori-retrieval-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
