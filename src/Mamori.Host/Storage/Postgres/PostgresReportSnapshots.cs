using Mamori.Core.Dialogs;
using Mamori.Host.Reports;
using Mamori.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Mamori.Host.Storage.Postgres;

/// <summary>
/// The reports in PostgreSQL, for several host instances sharing one database: a report link made on one instance opens
/// on every other. The same rows and the same bound as <see cref="SqliteReportSnapshots"/>.
/// </summary>
public sealed class PostgresReportSnapshots(NpgsqlDataSource database, int maxReports) : IReportSnapshots
{
    /// <summary>The table this store needs (Storage/Postgres/Migrations/reports/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresReportSnapshots).Assembly, "reports");

    public async Task SaveAsync(ReportSnapshot snapshot, CancellationToken cancellationToken)
    {
        // The upsert and the trim in one round trip; a batch is one transaction, so no instance sees more than the bound.
        await using var batch = database.CreateBatch();
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO report (conversation, tenant, card, image, image_url, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (conversation) DO UPDATE SET tenant = excluded.tenant, card = excluded.card, image = excluded.image,
                image_url = excluded.image_url, created_at = excluded.created_at
            """);
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.Conversation.ConversationId });
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.Conversation.TenantId });
        upsert.Parameters.Add(new NpgsqlParameter { Value = ReportSnapshotJson.Card(snapshot.Card), NpgsqlDbType = NpgsqlDbType.Json });
        upsert.Parameters.Add(new NpgsqlParameter { Value = (object?)ReportSnapshotJson.Image(snapshot.Image) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Json });
        upsert.Parameters.Add(new NpgsqlParameter { Value = (object?)snapshot.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter { Value = snapshot.CreatedAt.ToUniversalTime() });
        batch.BatchCommands.Add(upsert);
        // Everything older than the newest MaxReports, as in SQLite: the bound holds after every save.
        var trim = new NpgsqlBatchCommand("DELETE FROM report WHERE created_at < (SELECT created_at FROM report ORDER BY created_at DESC LIMIT 1 OFFSET $1)");
        trim.Parameters.Add(new NpgsqlParameter { Value = (long)maxReports - 1 });
        batch.BatchCommands.Add(trim);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ReportSnapshot?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT tenant, card::text, image::text, image_url, created_at FROM report WHERE conversation = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
            return null;
        return new ReportSnapshot(
            new ConversationKey(row.GetString(0), conversationId),
            ReportSnapshotJson.ReadCard(row.GetString(1)),
            ReportSnapshotJson.ReadImage(row.IsDBNull(2) ? null : row.GetString(2)),
            row.IsDBNull(3) ? null : row.GetString(3),
            row.GetFieldValue<DateTimeOffset>(4));
    }

    public async Task ForgetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM report WHERE conversation = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM report WHERE created_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
