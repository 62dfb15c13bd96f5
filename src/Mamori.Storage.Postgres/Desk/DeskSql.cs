using Npgsql;
using NpgsqlTypes;

namespace Mamori.Storage.Postgres.Desk;

/// <summary>
/// The one-statement calls of the desk stores, with positional parameters ($1, $2…), which Npgsql sends without
/// rewriting the SQL; a null value is SQL NULL.
/// </summary>
internal static class DeskSql
{
    public static NpgsqlCommand With(this NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    /// <summary>Text for a json column.</summary>
    public static NpgsqlParameter Json(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Json };

    /// <summary>How many rows the statement changed.</summary>
    public static async Task<int> ExecuteAsync(this NpgsqlDataSource database, string sql, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql).With(values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row, or null without a row.</summary>
    public static async Task<object?> ScalarAsync(this NpgsqlDataSource database, string sql, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql).With(values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<List<T>> ReadAsync<T>(this NpgsqlDataSource database, string sql, object?[] values, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql).With(values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }
}
