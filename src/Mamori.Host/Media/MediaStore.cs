using System.Security.Cryptography;
using Mamori.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Host.Media;

/// <summary>
/// Pictures the bot sends (the stage picture), served at /media/{id} so activities stay small. The id is 128 random
/// bits, which is the capability: an &lt;img&gt; cannot send a bearer token. Kept in one SQLite file
/// (<see cref="MediaOptions.SqlitePath"/>), so a transcript's pictures still show after a restart; bounded by total
/// bytes (<see cref="MediaOptions.MaxTotalBytes"/>), oldest first.
/// </summary>
public sealed class MediaStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly long _maxTotalBytes;
    private readonly SqliteCommand _insert, _select, _oldest, _delete;
    private long _totalBytes;

    public MediaStore(string path, long maxTotalBytes)
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

    public string Add(byte[] content, string contentType)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
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
        return id;
    }

    public MediaItem? Find(string id)
    {
        lock (_gate)
        {
            using var row = _select.Bind(null, id).ExecuteReader();
            return row.Read() ? new MediaItem((byte[])row.GetValue(1), row.GetString(0)) : null;
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

public sealed record MediaItem(byte[] Content, string ContentType);
