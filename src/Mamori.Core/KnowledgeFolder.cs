namespace Mamori.Core;

/// <summary>
/// The repository's <c>knowledge/</c> folder. Found by walking up from the current directory and from the
/// application's base directory, so the CLI, the host and the tests all read the same real content.
/// </summary>
public sealed record KnowledgeFolder(string Root)
{
    /// <summary>Set to a path to use another knowledge folder (e.g. a deployment's own copy).</summary>
    public const string EnvironmentVariable = "MAMORI_KNOWLEDGE";

    public string Diagnosis => Path.Combine(Root, "diagnosis");
    public string Measures => Path.Combine(Root, "measures");
    public string Docs => Path.Combine(Root, "docs");
    public string Eval => Path.Combine(Root, "eval");

    /// <summary>
    /// A relative setting such as <c>data/mamori-state.db</c> is taken from the folder that holds knowledge/, so the host
    /// and the CLI share one state file whichever folder they were started from.
    /// </summary>
    public string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, "..", path));

    public static KnowledgeFolder Locate(string? startDirectory = null) =>
        TryLocate(startDirectory) ?? throw new DirectoryNotFoundException(
            $"Could not find the knowledge/ folder above '{startDirectory ?? Directory.GetCurrentDirectory()}' " +
            $"or '{AppContext.BaseDirectory}'. Run from inside the repository or set {EnvironmentVariable}.");

    public static KnowledgeFolder? TryLocate(string? startDirectory = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && Directory.Exists(fromEnvironment))
            return new KnowledgeFolder(Path.GetFullPath(fromEnvironment));

        foreach (var start in new[] { startDirectory ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "knowledge");
                // The diagnosis folder marks our knowledge/ and not some unrelated folder of the same name.
                if (Directory.Exists(Path.Combine(candidate, "diagnosis")))
                    return new KnowledgeFolder(candidate);
            }
        }
        return null;
    }
}
