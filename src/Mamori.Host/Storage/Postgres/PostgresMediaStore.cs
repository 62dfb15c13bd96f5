using Mamori.Host.Media;
using Mamori.Storage.Postgres;
using Npgsql;

namespace Mamori.Host.Storage.Postgres;

/// <summary>
/// The pictures in PostgreSQL, for several host instances sharing one database: a picture URL made on one instance
/// answers on every other. The same bound as <see cref="SqliteMediaStore"/>: total bytes, the oldest go first.
/// </summary>
public sealed class PostgresMediaStore(NpgsqlDataSource database, long maxTotalBytes) : IMediaStore
{
    /// <summary>The tables this store needs (Storage/Postgres/Migrations/media/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresMediaStore).Assembly, "media");

    public async Task<string> AddAsync(byte[] content, string contentType, CancellationToken cancellationToken)
    {
        string id = MediaId.New();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locks the total's one row until the commit: adds on every instance take turns, so each sees the true total.
        long total = (long)(await ExecuteAsync(connection, transaction, "UPDATE media_total SET bytes = bytes + $1 RETURNING bytes", cancellationToken, (long)content.Length))!;
        await ExecuteAsync(connection, transaction, "INSERT INTO media (id, content_type, bytes, content) VALUES ($1, $2, $3, $4)",
            cancellationToken, id, contentType, (long)content.Length, content);
        long removed = 0;
        while (total - removed > maxTotalBytes
            && await ExecuteAsync(connection, transaction, "DELETE FROM media WHERE seq = (SELECT min(seq) FROM media) RETURNING bytes", cancellationToken) is long bytes)
            removed += bytes;
        if (removed > 0)
            await ExecuteAsync(connection, transaction, "UPDATE media_total SET bytes = bytes - $1", cancellationToken, removed);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<MediaItem?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT content_type, content FROM media WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken) ? new MediaItem(row.GetFieldValue<byte[]>(1), row.GetString(0)) : null;
    }

    /// <summary>Runs one statement of the add's transaction; its first value, or null when it returned no row.</summary>
    private static async Task<object?> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
