using Mamori.Core;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Tests.Evaluation;

/// <summary>The repository's real content root and one embedded retriever over its knowledge/, for the eval and baseline tests.</summary>
internal static class EvalFixture
{
    public static ContentRoot Content { get; } = ContentRoot.Locate(startDirectory: AppContext.BaseDirectory);

    private static readonly Lazy<KnowledgeRetriever> LazyRetriever = new(() => KnowledgeRetriever.CreateEmbedded(Content, TempDirectory()));

    public static KnowledgeRetriever Retriever => LazyRetriever.Value;

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "mamori-eval-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
