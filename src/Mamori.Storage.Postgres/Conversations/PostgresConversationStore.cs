using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Mamori.Storage.Postgres.Conversations;

/// <summary>
/// Conversation and user state in PostgreSQL, for several host instances sharing one database. The same rows and the
/// same optimistic concurrency as <see cref="SqliteConversationStore"/>: the version check is in the UPDATE (or the
/// INSERT's ON CONFLICT), so a turn on another instance that saved first makes this save return false.
/// </summary>
/// <param name="clock">Stamps each save's <c>updated_at</c>, which the retention compares with its cut-off; the host's clock (DI).</param>
public sealed class PostgresConversationStore(NpgsqlDataSource database, TimeProvider clock) : IConversationStore
{
    /// <summary>The tables this store needs (Migrations/conversations/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresConversationStore).Assembly, "conversations");

    private static readonly Table Conversations = new("conversation_state");
    private static readonly Table Users = new("user_state");

    public Task<Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken) =>
        LoadAsync(Conversations, key.TenantId, key.ConversationId, StateJson.DeserializeConversation, cancellationToken);

    public Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
        TrySaveAsync(Conversations, key.TenantId, key.ConversationId, StateJson.Serialize(state), expectedVersion, cancellationToken);

    public Task<Stored<UserState>?> LoadUserAsync(UserKey key, CancellationToken cancellationToken) =>
        LoadAsync(Users, key.TenantId, key.UserId, StateJson.DeserializeUser, cancellationToken);

    public Task<bool> TrySaveUserAsync(UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        TrySaveAsync(Users, key.TenantId, key.UserId, StateJson.Serialize(state), expectedVersion, cancellationToken);

    public async Task ForgetAsync(ConversationKey conversation, UserKey user, CancellationToken cancellationToken)
    {
        // One round trip and one transaction: a person who leaves is forgotten entirely or not at all.
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command(Conversations.Delete, conversation.TenantId, conversation.ConversationId));
        batch.BatchCommands.Add(Command(Users.Delete, user.TenantId, user.UserId));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int removed = 0;
        foreach (var table in new[] { Conversations, Users })
        {
            await using var command = database.CreateCommand(table.DeleteOlder);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff.ToUniversalTime() });
            removed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return removed;
    }

    private async Task<Stored<T>?> LoadAsync<T>(Table table, string tenant, string id, Func<string, T> deserialize, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(table.Select);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        string body = reader.GetString(0);
        long version = reader.GetInt64(1);
        try
        {
            return new Stored<T>(deserialize(body), version);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{table.Name} row '{tenant}/{id}' is not valid state JSON: {ex.Message}", ex);
        }
    }

    private async Task<bool> TrySaveAsync(Table table, string tenant, string id, string body, long expectedVersion, CancellationToken cancellationToken)
    {
        // Insert only when nobody has; update only the version we read. Either way, 0 rows means "someone else saved first".
        await using var command = database.CreateCommand(expectedVersion == 0 ? table.Insert : table.Update);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = body, NpgsqlDbType = NpgsqlDbType.Json });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().ToUniversalTime() });
        if (expectedVersion != 0)
            command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static NpgsqlBatchCommand Command(string sql, string tenant, string id)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return command;
    }

    /// <summary>The statements of one state table; positional parameters, which Npgsql sends without rewriting.</summary>
    private sealed class Table(string name)
    {
        public string Name => name;

        public string Select { get; } = $"SELECT body::text, version FROM {name} WHERE tenant = $1 AND id = $2";

        public string Insert { get; } =
            $"INSERT INTO {name} (tenant, id, version, body, updated_at) VALUES ($1, $2, 1, $3, $4) ON CONFLICT (tenant, id) DO NOTHING";

        public string Update { get; } =
            $"UPDATE {name} SET body = $3, version = version + 1, updated_at = $4 WHERE tenant = $1 AND id = $2 AND version = $5";

        public string Delete { get; } = $"DELETE FROM {name} WHERE tenant = $1 AND id = $2";

        // No index on updated_at, as in SQLite: every turn would pay to keep one, and the retention's scan runs every six hours.
        public string DeleteOlder { get; } = $"DELETE FROM {name} WHERE updated_at < $1";
    }
}
