using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Microsoft.Data.Sqlite;

namespace Mamori.Core.Storage;

/// <summary>
/// The default store: one SQLite file (WAL mode), one row per conversation and per user, the state as JSON.
/// The version check is in the UPDATE itself, so two processes sharing the file are as safe as two threads.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore
{
    private readonly string _connectionString;

    public SqliteConversationStore(string path)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder)
            Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,   // seconds a writer waits for a concurrent writer's lock before failing
        }.ToString();
        FilePath = full;
        CreateSchema();
    }

    public string FilePath { get; }

    public Task<Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Load("conversation_state", key.TenantId, key.ConversationId, StateJson.DeserializeConversation));

    public Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(TrySave("conversation_state", key.TenantId, key.ConversationId, StateJson.Serialize(state), expectedVersion));

    public Task<Stored<UserState>?> LoadUserAsync(UserKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Load("user_state", key.TenantId, key.UserId, StateJson.DeserializeUser));

    public Task<bool> TrySaveUserAsync(UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(TrySave("user_state", key.TenantId, key.UserId, StateJson.Serialize(state), expectedVersion));

    // Synchronous on purpose: SQLite has no async I/O, and the "async" ADO.NET methods would only add allocations.
    private Stored<T>? Load<T>(string table, string tenant, string id, Func<string, T> deserialize)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT body, version FROM {table} WHERE tenant = $tenant AND id = $id";
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var body = reader.GetString(0);
        var version = reader.GetInt64(1);
        try
        {
            return new Stored<T>(deserialize(body), version);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{table} row '{tenant}/{id}' in {FilePath} is not valid state JSON: {ex.Message}", ex);
        }
    }

    private bool TrySave(string table, string tenant, string id, string body, long expectedVersion)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // Insert only when nobody has; update only the version we read. Either way, 0 rows means "someone else saved first".
        command.CommandText = expectedVersion == 0
            ? $"INSERT INTO {table} (tenant, id, version, body, updated_at) VALUES ($tenant, $id, 1, $body, $now) ON CONFLICT (tenant, id) DO NOTHING"
            : $"UPDATE {table} SET body = $body, version = version + 1, updated_at = $now WHERE tenant = $tenant AND id = $id AND version = $version";
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        command.Parameters.AddWithValue("$version", expectedVersion);
        return command.ExecuteNonQuery() == 1;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection, not per file: without it every commit waits for the disk (FULL), which dominates the turn's p99.
        // With WAL, NORMAL still never corrupts the file; a power cut may lose the last turns.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void CreateSchema()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // WAL lets readers and one writer work at once; NORMAL sync is safe with WAL (a power cut may lose the last turn, never corrupt).
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
}
