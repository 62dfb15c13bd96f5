using System.Diagnostics.CodeAnalysis;
using Mamori.Core;
using Microsoft.Extensions.Configuration;

namespace Mamori.Cli.Commands;

/// <summary>
/// The CLI's settings and its one <see cref="ContentRoot"/>, as the host reads them: appsettings.json in the working folder,
/// then the environment (Mamori__ContentRoot, MAMORI_CONTENT_ROOT, …). Every command that reads knowledge/, prompts/ or
/// data/ takes the content root from here; chat and ask give the same configuration to AddMamoriCore/AddMamoriKnowledge.
/// </summary>
internal static class CliContent
{
    private static readonly Lazy<ContentRoot> Located = new(() => ContentRoot.From(Configuration()));

    /// <summary>The settings, with <paramref name="overrides"/> (command-line options) winning over files and environment.</summary>
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string?>? overrides = null) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
        .Build();

    /// <summary>The content root, located on first use; without one prints why and returns false (the command exits with 2).</summary>
    public static bool TryGet([NotNullWhen(true)] out ContentRoot? content, TextWriter? stderr = null)
    {
        try
        {
            content = Located.Value;
            return true;
        }
        catch (DirectoryNotFoundException e)
        {
            (stderr ?? Console.Error).WriteLine(e.Message);
            content = null;
            return false;
        }
    }

    /// <summary>The content root, or the exception that says where it was looked for (for callers that report data errors themselves).</summary>
    public static ContentRoot Root => Located.Value;
}
