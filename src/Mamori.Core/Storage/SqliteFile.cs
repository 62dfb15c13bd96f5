using Microsoft.Data.Sqlite;

namespace Mamori.Core.Storage;

/// <summary>How Mamori's SQLite stores open their file: the folder created if missing, one unpooled connection.</summary>
public static class SqliteFile
{
    public static SqliteConnection Open(string fullPath)
    {
        if (Path.GetDirectoryName(fullPath) is { } folder)
            Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,   // seconds a writer waits for another process's write lock before failing
        }.ToString());
        connection.Open();
        return connection;
    }
}
