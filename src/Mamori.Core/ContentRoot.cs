using Microsoft.Extensions.Configuration;

namespace Mamori.Core;

/// <summary>
/// The folder that holds the product's content and its generated data side by side: <c>knowledge/</c>, <c>prompts/</c>
/// and <c>data/</c> (the repository root in a clone). Located once — the setting <see cref="Setting"/>, else the
/// environment variable <see cref="EnvironmentVariable"/>, else the nearest folder with <c>knowledge/diagnosis/</c> above
/// the current directory or the program's folder — and handed to Core, Knowledge and the CLI, so `dotnet run`, `dotnet
/// test` and a published build all read the same content and share one data folder whichever folder they started in.
/// </summary>
public sealed record ContentRoot(string Root)
{
    /// <summary>Configuration key of an explicit content root (e.g. a deployment's own copy of the content).</summary>
    public const string Setting = "Mamori:ContentRoot";

    /// <summary>The same as <see cref="Setting"/> for the commands and tests that read no configuration.</summary>
    public const string EnvironmentVariable = "MAMORI_CONTENT_ROOT";

    public string Knowledge => Path.Combine(Root, "knowledge");
    public string Diagnosis => Path.Combine(Knowledge, "diagnosis");
    public string Measures => Path.Combine(Knowledge, "measures");
    public string Docs => Path.Combine(Knowledge, "docs");
    public string Synonyms => Path.Combine(Knowledge, "dictionary", "synonyms.yaml");
    public string Eval => Path.Combine(Knowledge, "eval");

    public string Prompts => Path.Combine(Root, "prompts");
    public string DialogPrompts => Path.Combine(Prompts, "dialog");

    /// <summary>Generated files (index cache, state database); never committed.</summary>
    public string Data => Path.Combine(Root, "data");

    /// <summary>A relative setting such as <c>data/mamori-state.db</c> is taken from the content root; an absolute one is kept.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));

    /// <summary>The content root named by <see cref="Setting"/> in <paramref name="configuration"/>, or found as <see cref="Locate"/> finds it.</summary>
    public static ContentRoot From(IConfiguration configuration) => Locate(configuration[Setting], Setting);

    /// <summary>
    /// <paramref name="configured"/> (named <paramref name="settingName"/> in errors) when given, else <see cref="EnvironmentVariable"/>,
    /// else the walk up from <paramref name="startDirectory"/> (default: the current directory) and from the program's folder.
    /// </summary>
    public static ContentRoot Locate(string? configured = null, string settingName = Setting, string? startDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Checked(configured, settingName);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return Checked(fromEnvironment, EnvironmentVariable);

        var start = startDirectory ?? Directory.GetCurrentDirectory();
        foreach (var from in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                // knowledge/diagnosis/ marks our content and not some unrelated folder called knowledge.
                if (Directory.Exists(Path.Combine(dir.FullName, "knowledge", "diagnosis")))
                    return new ContentRoot(dir.FullName);
            }
        }
        throw new DirectoryNotFoundException(
            $"No folder with knowledge/diagnosis/ above '{start}' or '{AppContext.BaseDirectory}': run from inside the repository, " +
            $"or set {Setting} (environment: {EnvironmentVariable}) to the folder that holds knowledge/, prompts/ and data/.");
    }

    private static ContentRoot Checked(string path, string settingName)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(Path.Combine(full, "knowledge"))
            ? new ContentRoot(full)
            : throw new DirectoryNotFoundException($"{settingName} points at '{full}', which has no knowledge/ folder.");
    }
}
