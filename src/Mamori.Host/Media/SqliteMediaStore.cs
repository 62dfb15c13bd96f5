using Mamori.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Host.Media;

/// <summary>The pictures in one SQLite file (<see cref="MediaOptions.SqlitePath"/>), for a single instance: the embedded default.</summary>
public sealed class SqliteMediaStore : IMediaStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly long _maxTotalBytes;
    private readonly SqliteCommand _insert, _select, _oldest, _delete;
    private long _totalBytes;

    public SqliteMediaStore(string path, long maxTotalBytes)
    {
        _maxTotalBytes = maxTotalBytes;
        _connection = SqliteFile.Open(Path.GetFullPath(path));
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS media (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, content_type TEXT NOT NULL, content BLOB NOT NULL);
                """;
            setup.ExecuteNonQuery();
            setup.CommandText = "SELECT coalesce(sum(length(content)), 0) FROM media";
            _totalBytes = (long)setup.ExecuteScalar()!;
        }
        _insert = SqliteFile.Prepare(_connection, "INSERT INTO media (id, content_type, content) VALUES ($id, $type, $content)", "$id", "$type", "$content");
        _select = SqliteFile.Prepare(_connection, "SELECT content_type, content FROM media WHERE id = $id", "$id");
        _oldest = SqliteFile.Prepare(_connection, "SELECT seq, length(content) FROM media ORDER BY seq LIMIT 1");
        _delete = SqliteFile.Prepare(_connection, "DELETE FROM media WHERE seq = $seq", "$seq");
    }

    public Task<string> AddAsync(byte[] content, string contentType, CancellationToken cancellationToken)
    {
        string id = MediaId.New();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            _insert.Bind(transaction, id, contentType, content).ExecuteNonQuery();
            _totalBytes += content.Length;
            while (_totalBytes > _maxTotalBytes && Oldest(transaction) is var (seq, bytes))
            {
                _delete.Bind(transaction, seq).ExecuteNonQuery();
                _totalBytes -= bytes;
            }
            transaction.Commit();
        }
        return Task.FromResult(id);
    }

    public Task<MediaItem?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var row = _select.Bind(null, id).ExecuteReader();
            return Task.FromResult(row.Read() ? new MediaItem((byte[])row.GetValue(1), row.GetString(0)) : null);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in new[] { _insert, _select, _oldest, _delete })
                command.Dispose();
            _connection.Dispose();
        }
    }

    private (long Seq, long Bytes)? Oldest(SqliteTransaction transaction)
    {
        using var row = _oldest.Bind(transaction).ExecuteReader();
        return row.Read() ? (row.GetInt64(0), row.GetInt64(1)) : null;
    }
}
