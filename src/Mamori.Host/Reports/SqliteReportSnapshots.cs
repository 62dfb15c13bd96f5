using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Host.Reports;

/// <summary>
/// The reports in one SQLite file (<see cref="ReportOptions.SqlitePath"/>), for a single instance: the embedded default.
/// </summary>
/// <remarks>Synchronous under a lock like the other SQLite stores: a result is saved once per diagnosis and read when a link is opened.</remarks>
public sealed class SqliteReportSnapshots : IReportSnapshots, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly int _maxReports;
    private readonly SqliteCommand _upsert, _select, _delete, _deleteBefore, _trim;

    public SqliteReportSnapshots(string path, int maxReports)
    {
        _maxReports = maxReports;
        _connection = SqliteFile.Open(Path.GetFullPath(path));
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS report (
                    conversation TEXT NOT NULL PRIMARY KEY, tenant TEXT NOT NULL, card TEXT NOT NULL, image TEXT,
                    image_url TEXT, created_at INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS report_created ON report (created_at);
                """;
            setup.ExecuteNonQuery();
        }
        _upsert = SqliteFile.Prepare(_connection, """
            INSERT INTO report (conversation, tenant, card, image, image_url, created_at) VALUES ($id, $tenant, $card, $image, $url, $at)
            ON CONFLICT (conversation) DO UPDATE SET tenant = $tenant, card = $card, image = $image, image_url = $url, created_at = $at
            """, "$id", "$tenant", "$card", "$image", "$url", "$at");
        _select = SqliteFile.Prepare(_connection, "SELECT tenant, card, image, image_url, created_at FROM report WHERE conversation = $id", "$id");
        _delete = SqliteFile.Prepare(_connection, "DELETE FROM report WHERE conversation = $id", "$id");
        _deleteBefore = SqliteFile.Prepare(_connection, "DELETE FROM report WHERE created_at < $at", "$at");
        // Everything older than the newest MaxReports: the bound holds after every save.
        _trim = SqliteFile.Prepare(_connection, "DELETE FROM report WHERE created_at < (SELECT created_at FROM report ORDER BY created_at DESC LIMIT 1 OFFSET $max)", "$max");
    }

    public Task SaveAsync(ReportSnapshot snapshot, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _upsert.Bind(null, snapshot.Conversation.ConversationId, snapshot.Conversation.TenantId, ReportSnapshotJson.Card(snapshot.Card),
                ReportSnapshotJson.Image(snapshot.Image), snapshot.ImageUrl,
                snapshot.CreatedAt.ToUnixTimeMilliseconds()).ExecuteNonQuery();
            _trim.Bind(null, _maxReports - 1).ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _delete.Bind(null, conversationId).ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deleteBefore.Bind(null, cutoff.ToUnixTimeMilliseconds()).ExecuteNonQuery());
        }
    }

    public Task<ReportSnapshot?> FindAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(Find(conversationId));

    private ReportSnapshot? Find(string conversationId)
    {
        lock (_gate)
        {
            using var row = _select.Bind(null, conversationId).ExecuteReader();
            if (!row.Read())
                return null;
            return new ReportSnapshot(
                new ConversationKey(row.GetString(0), conversationId),
                ReportSnapshotJson.ReadCard(row.GetString(1)),
                ReportSnapshotJson.ReadImage(row.IsDBNull(2) ? null : row.GetString(2)),
                row.IsDBNull(3) ? null : row.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(4)));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in new[] { _upsert, _select, _delete, _deleteBefore, _trim })
                command.Dispose();
            _connection.Dispose();
        }
    }
}
