using Npgsql;
using NpgsqlTypes;

namespace Mamori.Storage.Postgres;

/// <summary>
/// The stores' statements with positional parameters ($1, $2…), which Npgsql sends without rewriting the SQL; a null
/// value is SQL NULL.
/// </summary>
public static class PostgresSql
{
    public static NpgsqlCommand With(this NpgsqlCommand command, params object?[] values)
    {
        AddTo(command.Parameters, values);
        return command;
    }

    /// <summary>One statement of a batch (a batch is one round trip and one implicit transaction).</summary>
    public static NpgsqlBatchCommand Statement(string sql, params object?[] values)
    {
        var statement = new NpgsqlBatchCommand(sql);
        AddTo(statement.Parameters, values);
        return statement;
    }

    private static void AddTo(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (var value in values)
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
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
