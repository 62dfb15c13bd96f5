using Microsoft.Data.Sqlite;

namespace Mamori.Core.Storage;

/// <summary>
/// How Mamori's SQLite stores open their file (the folder created if missing, one unpooled connection) and keep their
/// statements: prepared once with named parameters, bound by position for each call.
/// </summary>
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

    /// <summary>A statement prepared once, its parameters named in the order <see cref="Bind"/> fills them.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    /// <summary>Sets the parameters in order (null is SQL NULL) and the transaction the statement runs in.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, SqliteTransaction? transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
