namespace Mamori.Host.Tests.Support;

/// <summary>The checkout the tests run from (the folder with Bot.sln): README.md, the host's sources, TestResults/.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Bot.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;
}
