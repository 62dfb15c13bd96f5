using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Host.Channels.DirectLine.Storage;

/// <summary>
/// The embedded default: one SQLite file (WAL mode) with a table each for conversations, their activities and the inbox.
/// </summary>
/// <remarks>
/// As the state and desk stores: one open connection with prepared statements, used under a lock, synchronous behind
/// the async contract (SQLite has no async I/O). synchronous = NORMAL: a commit survives the process being killed
/// (kill -9, a crash); only a power cut may lose the last commits, never corrupt the file.
/// </remarks>
public sealed class SqliteDirectLineStore : IDirectLineStore, IDisposable
{
    private readonly Lock _gate = new();
    // One host per file, so the pump leases need not outlive it: after a kill nobody holds one, and the restarted host
    // answers what was left at once instead of waiting for a lease to expire.
    private readonly Dictionary<string, DateTimeOffset> _leases = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly SqliteCommand _insertConversation, _selectConversation, _selectActivities, _selectInbox, _insertActivity,
        _insertInbox, _deleteInbox, _posted, _touch, _pending, _countInbox;

    public SqliteDirectLineStore(string path, TimeProvider clock)
    {
        FilePath = Path.GetFullPath(path);
        _clock = clock;
        _connection = SqliteFile.Open(FilePath);
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS dl_conversation (
                id TEXT NOT NULL PRIMARY KEY, tenant TEXT NOT NULL, user_id TEXT NOT NULL, public_base TEXT NOT NULL,
                posted_bytes INTEGER NOT NULL, touched_at INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dl_activity (
                conversation TEXT NOT NULL, idx INTEGER NOT NULL, body BLOB NOT NULL,
                PRIMARY KEY (conversation, idx)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dl_inbox (
                conversation TEXT NOT NULL, echo INTEGER NOT NULL, user_id TEXT NOT NULL, text TEXT NOT NULL, channel TEXT NOT NULL,
                accepted_at INTEGER NOT NULL, PRIMARY KEY (conversation, echo)) WITHOUT ROWID;
            """);
        _insertConversation = Prepare("""
            INSERT INTO dl_conversation (id, tenant, user_id, public_base, posted_bytes, touched_at)
            VALUES ($id, $tenant, $user, $base, 0, $now) ON CONFLICT (id) DO NOTHING
            """);
        _selectConversation = Prepare("SELECT tenant, user_id, public_base, posted_bytes FROM dl_conversation WHERE id = $id");
        _selectActivities = Prepare("SELECT idx, body FROM dl_activity WHERE conversation = $id AND idx >= $from ORDER BY idx");
        _selectInbox = Prepare("SELECT echo, user_id, text, channel FROM dl_inbox WHERE conversation = $id ORDER BY echo");
        // A duplicate index fails the insert: another writer came first (TranscriptConflictException).
        _insertActivity = Prepare("INSERT INTO dl_activity (conversation, idx, body) VALUES ($id, $idx, $body)");
        _insertInbox = Prepare("INSERT INTO dl_inbox (conversation, echo, user_id, text, channel, accepted_at) VALUES ($id, $echo, $user, $text, $channel, $now)");
        _deleteInbox = Prepare("DELETE FROM dl_inbox WHERE conversation = $id AND echo = $echo");
        _posted = Prepare("UPDATE dl_conversation SET posted_bytes = $posted, touched_at = $now WHERE id = $id");
        _touch = Prepare("UPDATE dl_conversation SET touched_at = max(touched_at, $now) WHERE id = $id");
        _pending = Prepare("SELECT conversation FROM dl_inbox GROUP BY conversation ORDER BY min(accepted_at)");
        _countInbox = Prepare("SELECT count(*) FROM dl_inbox WHERE conversation = $id");
    }

    public string FilePath { get; }

    public Task<bool> CreateAsync(NewDirectLineConversation conversation, CancellationToken ct)
    {
        long now = conversation.CreatedAt.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            if (Run(_insertConversation, transaction, ("$id", conversation.Key.ConversationId), ("$tenant", conversation.Key.TenantId),
                    ("$user", conversation.UserId), ("$base", conversation.PublicBase.ToString()), ("$now", now)) == 0)
                return Task.FromResult(false);
            Run(_insertInbox, transaction, ("$id", conversation.Key.ConversationId), ("$echo", InboxTurn.StartTurn),
                ("$user", conversation.UserId), ("$text", ""), ("$channel", conversation.ChannelId), ("$now", now));
            transaction.Commit();
            return Task.FromResult(true);
        }
    }

    public Task<StoredDirectLineConversation?> LoadAsync(string conversationId, CancellationToken ct)
    {
        lock (_gate)
        {
            _selectConversation.Parameters["$id"].Value = conversationId;
            ConversationKey key;
            string userId;
            Uri publicBase;
            using (var reader = _selectConversation.ExecuteReader())
            {
                if (!reader.Read())
                    return Task.FromResult<StoredDirectLineConversation?>(null);
                key = new ConversationKey(reader.GetString(0), conversationId);
                userId = reader.GetString(1);
                publicBase = new Uri(reader.GetString(2));
            }
            var tail = ReadTail(conversationId, 0)!;
            return Task.FromResult<StoredDirectLineConversation?>(
                new StoredDirectLineConversation(key, userId, publicBase, tail.PostedBytes, tail.Activities, tail.Inbox));
        }
    }

    public Task<TranscriptTail?> ReadSinceAsync(string conversationId, int fromIndex, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult(ReadTail(conversationId, fromIndex));
    }

    /// <summary>Under the lock: the posted total, the inbox, then the activities, so every queued turn's echo is read too.</summary>
    private TranscriptTail? ReadTail(string conversationId, int fromIndex)
    {
        _selectConversation.Parameters["$id"].Value = conversationId;
        long posted;
        using (var reader = _selectConversation.ExecuteReader())
        {
            if (!reader.Read())
                return null;
            posted = reader.GetInt64(3);
        }

        var inbox = new List<InboxTurn>();
        _selectInbox.Parameters["$id"].Value = conversationId;
        using (var reader = _selectInbox.ExecuteReader())
        {
            while (reader.Read())
                inbox.Add(new InboxTurn(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        var activities = new List<byte[]>();
        _selectActivities.Parameters["$id"].Value = conversationId;
        _selectActivities.Parameters["$from"].Value = fromIndex;
        using (var reader = _selectActivities.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt32(0) != fromIndex + activities.Count)
                    throw new InvalidDataException($"Direct Line conversation '{conversationId}' in {FilePath} misses activity {fromIndex + activities.Count}.");
                activities.Add((byte[])reader.GetValue(1));
            }
        }
        return new TranscriptTail(activities, posted, inbox);
    }

    public Task AppendAsync(string conversationId, int firstIndex, IReadOnlyList<ReadOnlyMemory<byte>> activities, int? answered, CancellationToken ct)
    {
        long now = Now();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            for (int i = 0; i < activities.Count; i++)
                InsertActivity(transaction, conversationId, firstIndex + i, activities[i]);
            if (answered is { } echo)
                Run(_deleteInbox, transaction, ("$id", conversationId), ("$echo", echo));
            Run(_touch, transaction, ("$id", conversationId), ("$now", now));
            transaction.Commit();
        }
        return Task.CompletedTask;
    }

    public Task AcceptAsync(string conversationId, int index, ReadOnlyMemory<byte> echo, long postedBytes, InboxTurn? turn, CancellationToken ct)
    {
        long now = Now();
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            InsertActivity(transaction, conversationId, index, echo);
            if (turn is not null)
                Run(_insertInbox, transaction, ("$id", conversationId), ("$echo", turn.EchoIndex), ("$user", turn.UserId),
                    ("$text", turn.Text), ("$channel", turn.ChannelId), ("$now", now));
            Run(_posted, transaction, ("$id", conversationId), ("$posted", postedBytes), ("$now", now));
            transaction.Commit();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            using var reader = _pending.ExecuteReader();
            while (reader.Read())
            {
                string id = reader.GetString(0);
                if (!_leases.TryGetValue(id, out var until) || until < now)
                    ids.Add(id);
            }
        }
        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    public Task<bool> TryLeaseAsync(string conversationId, DateTimeOffset until, CancellationToken ct)
    {
        // One host: whoever asks is this host's one pump for the conversation (the driver runs one at a time).
        lock (_gate)
            _leases[conversationId] = until;
        return Task.FromResult(true);
    }

    public Task<bool> TryReleaseLeaseAsync(string conversationId, CancellationToken ct)
    {
        lock (_gate)
        {
            _countInbox.Parameters["$id"].Value = conversationId;
            if (Convert.ToInt64(_countInbox.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return Task.FromResult(false);
            _leases.Remove(conversationId);
            return Task.FromResult(true);
        }
    }

    public IAsyncEnumerable<TranscriptChange> WatchAsync(CancellationToken ct) => AsyncEnumerable.Empty<TranscriptChange>();

    public Task TouchAsync(string conversationId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate)
            Run(_touch, null, ("$id", conversationId), ("$now", at.ToUnixTimeMilliseconds()));
        return Task.CompletedTask;
    }

    public Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        // Few rows and once a minute: plain SQL, no prepared statement kept for it.
        lock (_gate)
        {
            foreach (var (id, until) in _leases.Where(l => l.Value < cutoff).ToList())
                _leases.Remove(id);
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            command.CommandText = """
                DELETE FROM dl_activity WHERE conversation IN (SELECT id FROM dl_conversation WHERE touched_at < $cutoff);
                DELETE FROM dl_inbox WHERE conversation IN (SELECT id FROM dl_conversation WHERE touched_at < $cutoff);
                """;
            command.ExecuteNonQuery();
            command.CommandText = "DELETE FROM dl_conversation WHERE touched_at < $cutoff";
            int removed = command.ExecuteNonQuery();
            transaction.Commit();
            return Task.FromResult(removed);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in new[] { _insertConversation, _selectConversation, _selectActivities, _selectInbox, _insertActivity, _insertInbox, _deleteInbox, _posted, _touch, _pending, _countInbox })
                command.Dispose();
            _connection.Dispose();
        }
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void InsertActivity(SqliteTransaction transaction, string conversationId, int index, ReadOnlyMemory<byte> body)
    {
        try
        {
            Run(_insertActivity, transaction, ("$id", conversationId), ("$idx", index), ("$body", body.ToArray()));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)   // SQLITE_CONSTRAINT: the index is taken
        {
            throw new TranscriptConflictException(conversationId, ex);
        }
    }

    private static int Run(SqliteCommand command, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object Value)> values)
    {
        command.Transaction = transaction;
        foreach (var (name, value) in values)
            command.Parameters[name].Value = value;
        return command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (System.Text.RegularExpressions.Match name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+"))
        {
            if (!command.Parameters.Contains(name.Value))
                command.Parameters.Add(new SqliteParameter(name.Value, ""));
        }
        command.Prepare();
        return command;
    }
}
