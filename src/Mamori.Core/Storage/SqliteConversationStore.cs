using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Microsoft.Data.Sqlite;

namespace Mamori.Core.Storage;

/// <summary>
/// The default store: one SQLite file (WAL mode), one row per conversation and per user, the state as JSON.
/// The version check is in the UPDATE itself, so two processes sharing the file are as safe as two threads.
/// </summary>
/// <remarks>
/// One open connection with prepared statements, used under a lock: a statement takes tens of microseconds, SQLite
/// serialises writers anyway, and opening a pooled connection per call (plus its PRAGMA) cost more than the query.
/// </remarks>
public sealed class SqliteConversationStore : IConversationStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly SqliteConnection _connection;
    private readonly Table _conversations;
    private readonly Table _users;

    /// <param name="clock">Stamps each save's <c>updated_at</c>, which the retention compares with its cut-off; the host's clock (DI).</param>
    public SqliteConversationStore(string path, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        var full = Path.GetFullPath(path);
        FilePath = full;
        _connection = SqliteFile.Open(full);
        CreateSchema();
        _conversations = new Table(_connection, "conversation_state");
        _users = new Table(_connection, "user_state");
    }

    public string FilePath { get; }

    public Task<Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Load(_conversations, key.TenantId, key.ConversationId, StateJson.DeserializeConversation));

    public Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(TrySave(_conversations, key.TenantId, key.ConversationId, StateJson.Serialize(state), expectedVersion));

    public Task<Stored<UserState>?> LoadUserAsync(UserKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Load(_users, key.TenantId, key.UserId, StateJson.DeserializeUser));

    public Task<bool> TrySaveUserAsync(UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(TrySave(_users, key.TenantId, key.UserId, StateJson.Serialize(state), expectedVersion));

    public Task ForgetAsync(ConversationKey conversation, UserKey user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Delete(_conversations, conversation.TenantId, conversation.ConversationId);
            Delete(_users, user.TenantId, user.UserId);
        }
        return Task.CompletedTask;
    }

    public Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        string before = cutoff.ToUniversalTime().ToString("O");
        lock (_gate)
            return Task.FromResult(DeleteOlder(_conversations, before) + DeleteOlder(_users, before));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _conversations.Dispose();
            _users.Dispose();
            _connection.Dispose();
        }
    }

    // Synchronous on purpose: SQLite has no async I/O, and the "async" ADO.NET methods would only add allocations.
    private Stored<T>? Load<T>(Table table, string tenant, string id, Func<string, T> deserialize)
    {
        string body;
        long version;
        lock (_gate)
        {
            table.Select.Parameters["$tenant"].Value = tenant;
            table.Select.Parameters["$id"].Value = id;
            using var reader = table.Select.ExecuteReader();
            if (!reader.Read())
                return null;
            body = reader.GetString(0);
            version = reader.GetInt64(1);
        }
        try
        {
            return new Stored<T>(deserialize(body), version);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{table.Name} row '{tenant}/{id}' in {FilePath} is not valid state JSON: {ex.Message}", ex);
        }
    }

    private bool TrySave(Table table, string tenant, string id, string body, long expectedVersion)
    {
        // Insert only when nobody has; update only the version we read. Either way, 0 rows means "someone else saved first".
        var now = _clock.GetUtcNow().ToUniversalTime().ToString("O");
        lock (_gate)
        {
            var command = expectedVersion == 0 ? table.Insert : table.Update;
            command.Parameters["$tenant"].Value = tenant;
            command.Parameters["$id"].Value = id;
            command.Parameters["$body"].Value = body;
            command.Parameters["$now"].Value = now;
            if (expectedVersion != 0)
                command.Parameters["$version"].Value = expectedVersion;
            return command.ExecuteNonQuery() == 1;
        }
    }

    private static void Delete(Table table, string tenant, string id)
    {
        table.Delete.Parameters["$tenant"].Value = tenant;
        table.Delete.Parameters["$id"].Value = id;
        table.Delete.ExecuteNonQuery();
    }

    private static int DeleteOlder(Table table, string before)
    {
        table.DeleteOlder.Parameters["$before"].Value = before;
        return table.DeleteOlder.ExecuteNonQuery();
    }

    private void CreateSchema()
    {
        using var command = _connection.CreateCommand();
        // WAL lets readers and one writer work at once; NORMAL sync is safe with WAL (a power cut may lose the last turns,
        // never corrupt the file). Both pragmas hold for this connection's lifetime.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS conversation_state (
                tenant TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (tenant, id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS user_state (
                tenant TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (tenant, id)) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The prepared statements of one state table.</summary>
    private sealed class Table : IDisposable
    {
        public Table(SqliteConnection connection, string name)
        {
            Name = name;
            Select = Prepare(connection, $"SELECT body, version FROM {name} WHERE tenant = $tenant AND id = $id", "$tenant", "$id");
            Insert = Prepare(connection,
                $"INSERT INTO {name} (tenant, id, version, body, updated_at) VALUES ($tenant, $id, 1, $body, $now) ON CONFLICT (tenant, id) DO NOTHING",
                "$tenant", "$id", "$body", "$now");
            Update = Prepare(connection,
                $"UPDATE {name} SET body = $body, version = version + 1, updated_at = $now WHERE tenant = $tenant AND id = $id AND version = $version",
                "$tenant", "$id", "$body", "$now", "$version");
            Delete = Prepare(connection, $"DELETE FROM {name} WHERE tenant = $tenant AND id = $id", "$tenant", "$id");
            // updated_at is UTC in round-trip format ("O"), so text order is time order. No index on it: every turn would
            // pay to keep one, and the retention's scan runs every six hours.
            DeleteOlder = Prepare(connection, $"DELETE FROM {name} WHERE updated_at < $before", "$before");
        }

        public string Name { get; }

        public SqliteCommand Select { get; }

        public SqliteCommand Insert { get; }

        public SqliteCommand Update { get; }

        public SqliteCommand Delete { get; }

        public SqliteCommand DeleteOlder { get; }

        public void Dispose()
        {
            Select.Dispose();
            Insert.Dispose();
            Update.Dispose();
            Delete.Dispose();
            DeleteOlder.Dispose();
        }

        private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
                command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = "" });
            command.Prepare();
            return command;
        }
    }
}
