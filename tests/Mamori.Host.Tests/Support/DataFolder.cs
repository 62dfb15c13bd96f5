namespace Mamori.Host.Tests.Support;

/// <summary>
/// A temporary folder standing for the host's data/ across a restart: two hosts given <see cref="Settings"/> keep their
/// state, Direct Line conversations, signing key, reports, pictures and desk in the same files. Deleted when disposed.
/// </summary>
public sealed class DataFolder : IDisposable
{
    public DataFolder(string name) => Path = Directory.CreateTempSubdirectory($"mamori-{name}-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public Dictionary<string, string?> Settings() => new()
    {
        ["Mamori:State:Provider"] = "sqlite",
        ["Mamori:State:SqlitePath"] = File("state.db"),
        ["Channels:DirectLine:SqlitePath"] = File("directline.db"),
        ["Access:TokenSigningKeyFile"] = File("token-signing.key"),
        ["Reports:SqlitePath"] = File("reports.db"),
        ["Media:SqlitePath"] = File("media.db"),
        ["Mamori:Desk:SqlitePath"] = File("desk.db"),
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open: the temp folder is cleaned by the system
        }
    }
}
