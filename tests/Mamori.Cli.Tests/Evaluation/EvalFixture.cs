using Mamori.Knowledge.Index;

namespace Mamori.Cli.Tests.Evaluation;

/// <summary>The repository's real knowledge/ folder and one embedded retriever over it, for the eval and baseline tests.</summary>
internal static class EvalFixture
{
    public static string Root { get; } = KnowledgePaths.FindKnowledgeRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("knowledge/ not found above the test folder");

    private static readonly Lazy<KnowledgeRetriever> LazyRetriever = new(() => KnowledgeRetriever.CreateEmbedded(Root, TempDirectory()));

    public static KnowledgeRetriever Retriever => LazyRetriever.Value;

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "mamori-eval-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
