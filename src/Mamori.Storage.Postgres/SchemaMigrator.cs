using Npgsql;

namespace Mamori.Storage.Postgres;

/// <summary>
/// Applies versioned SQL migrations, recording each in <c>schema_history</c> (one row per history and version), so each
/// store keeps its own history in the one database and a new store (e.g. the Direct Line transcripts) brings its own.
/// </summary>
public static class SchemaMigrator
{
    // Any fixed number: every instance that starts waits on the same lock, so two hosts starting together migrate once.
    private const long LockKey = 0x6d616d6f7269;   // "mamori"

    /// <summary>Applies the migrations the database lacks, all in one transaction; returns how many ran.</summary>
    public static async Task<int> ApplyAsync(NpgsqlDataSource database, MigrationHistory history, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_history (
                history    text        NOT NULL,
                version    integer     NOT NULL,
                file       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (history, version))
            """, cancellationToken);

        int current;
        await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_history WHERE history = $1", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = history.Name });
            current = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        int known = history.Migrations.Count;
        if (current > known)
        {
            throw new InvalidOperationException(
                $"The database's '{history.Name}' schema is at version {current}, newer than this build knows ({known}): a newer Mamori migrated it. Run that version, or restore a backup.");
        }

        foreach (var migration in history.Migrations.Skip(current))
        {
            try
            {
                await Execute(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException($"Migration {history.Name}/{migration.File} failed: {ex.MessageText}", ex);
            }
            await using var record = new NpgsqlCommand("INSERT INTO schema_history (history, version, file) VALUES ($1, $2, $3)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = history.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.File });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return known - current;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
