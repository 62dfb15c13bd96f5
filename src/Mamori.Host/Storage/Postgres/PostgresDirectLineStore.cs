using System.Runtime.CompilerServices;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Storage;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Notices;
using Npgsql;

namespace Mamori.Host.Storage.Postgres;

/// <summary>
/// Direct Line conversations in PostgreSQL, shared by every host on the database (<c>Storage:Provider</c> = postgres):
/// a conversation started on one host goes on on another, and a reply stored by one reaches the socket another holds.
/// </summary>
/// <remarks>
/// Indexes are taken by the primary key: a second writer of an index gets a <see cref="TranscriptConflictException"/>
/// and writes after what it missed. Every write of a transcript says so on <see cref="Channel"/> (a notice in its
/// transaction, so only once committed), and <see cref="WatchAsync"/> listens for the other hosts'. The
/// pump lease is two columns of the conversation's row; giving it up locks that row first, as accepting a turn does
/// (it updates the posted total), so an accept either commits before the release looks at the inbox or waits for it.
/// </remarks>
public sealed class PostgresDirectLineStore(NpgsqlDataSource database, TimeProvider clock) : IDirectLineStore
{
    /// <summary>The tables this store needs (Migrations/directline/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresDirectLineStore).Assembly, "directline");

    public const string Channel = "mamori_directline";

    private readonly PostgresNotices _notices = new(database);

    /// <summary>This host among those on the database: the owner of its pump leases.</summary>
    private string Host => _notices.Host;

    public async Task<bool> CreateAsync(NewDirectLineConversation conversation, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var at = conversation.CreatedAt.ToUniversalTime();
        if (await ExecuteAsync(connection, transaction, """
                INSERT INTO dl_conversation (id, tenant, user_id, public_base, posted_bytes, touched_at)
                VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (id) DO NOTHING
                """, ct, conversation.Key.ConversationId, conversation.Key.TenantId, conversation.UserId, conversation.PublicBase.ToString(), at) == 0)
            return false;
        await ExecuteAsync(connection, transaction,
            "INSERT INTO dl_inbox (conversation, echo, user_id, text, channel, accepted_at) VALUES ($1, $2, $3, '', $4, $5)",
            ct, conversation.Key.ConversationId, InboxTurn.StartTurn, conversation.UserId, conversation.ChannelId, at);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<StoredDirectLineConversation?> LoadAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        ConversationKey key;
        string userId;
        Uri publicBase;
        await using (var command = Command(connection, null, "SELECT tenant, user_id, public_base FROM dl_conversation WHERE id = $1", conversationId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
                return null;
            key = new ConversationKey(reader.GetString(0), conversationId);
            userId = reader.GetString(1);
            publicBase = new Uri(reader.GetString(2));
        }
        return await ReadTailAsync(connection, conversationId, 0, ct) is { } tail
            ? new StoredDirectLineConversation(key, userId, publicBase, tail.PostedBytes, tail.Activities, tail.Inbox)
            : null;
    }

    public async Task<TranscriptTail?> ReadSinceAsync(string conversationId, int fromIndex, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await ReadTailAsync(connection, conversationId, fromIndex, ct);
    }

    public async Task AppendAsync(string conversationId, int firstIndex, IReadOnlyList<ReadOnlyMemory<byte>> activities, int? answered, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        for (int i = 0; i < activities.Count; i++)
            await InsertActivityAsync(connection, transaction, conversationId, firstIndex + i, activities[i], ct);
        if (answered is { } echo)
            await ExecuteAsync(connection, transaction, "DELETE FROM dl_inbox WHERE conversation = $1 AND echo = $2", ct, conversationId, echo);
        await ExecuteAsync(connection, transaction, "UPDATE dl_conversation SET touched_at = greatest(touched_at, $2) WHERE id = $1", ct, conversationId, Now());
        await NotifyAsync(connection, transaction, conversationId, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task AcceptAsync(string conversationId, int index, ReadOnlyMemory<byte> echo, long postedBytes, InboxTurn? turn, CancellationToken ct)
    {
        var now = Now();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await InsertActivityAsync(connection, transaction, conversationId, index, echo, ct);
        if (turn is not null)
            await ExecuteAsync(connection, transaction,
                "INSERT INTO dl_inbox (conversation, echo, user_id, text, channel, accepted_at) VALUES ($1, $2, $3, $4, $5, $6)",
                ct, conversationId, turn.EchoIndex, turn.UserId, turn.Text, turn.ChannelId, now);
        // Also locks the row, in line with TryReleaseLeaseAsync (see the remarks).
        await ExecuteAsync(connection, transaction, "UPDATE dl_conversation SET posted_bytes = $2, touched_at = greatest(touched_at, $3) WHERE id = $1",
            ct, conversationId, postedBytes, now);
        await NotifyAsync(connection, transaction, conversationId, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = Command(connection, null, """
            SELECT i.conversation FROM dl_inbox i JOIN dl_conversation c ON c.id = i.conversation
            WHERE c.pump_owner IS NULL OR c.pump_until < $1
            GROUP BY i.conversation ORDER BY min(i.accepted_at)
            """, Now());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task<bool> TryLeaseAsync(string conversationId, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await ExecuteAsync(connection, null, """
            UPDATE dl_conversation SET pump_owner = $2, pump_until = $3
            WHERE id = $1 AND (pump_owner IS NULL OR pump_owner = $2 OR pump_until < $4)
            """, ct, conversationId, Host, until.ToUniversalTime(), Now()) == 1;
    }

    public async Task<bool> TryReleaseLeaseAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The row lock first; the inbox is then read by a statement of its own, which sees every accept committed before.
        await using (var held = Command(connection, transaction, "SELECT 1 FROM dl_conversation WHERE id = $1 AND pump_owner = $2 FOR UPDATE", conversationId, Host))
        {
            if (await held.ExecuteScalarAsync(ct) is null)
                return true;
        }
        await using (var waiting = Command(connection, transaction, "SELECT EXISTS (SELECT 1 FROM dl_inbox WHERE conversation = $1)", conversationId))
        {
            if (await waiting.ExecuteScalarAsync(ct) is true)
                return false;
        }
        await ExecuteAsync(connection, transaction, "UPDATE dl_conversation SET pump_owner = NULL, pump_until = NULL WHERE id = $1", ct, conversationId);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task TouchAsync(string conversationId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, null, "UPDATE dl_conversation SET touched_at = greatest(touched_at, $2) WHERE id = $1", ct, conversationId, at.ToUniversalTime());
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        // Activities and the inbox go with their conversation (ON DELETE CASCADE).
        await using var connection = await database.OpenConnectionAsync(ct);
        return await ExecuteAsync(connection, null, "DELETE FROM dl_conversation WHERE touched_at < $1", ct, cutoff.ToUniversalTime());
    }

    public async IAsyncEnumerable<TranscriptChange> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (string? conversationId in _notices.ListenAsync(Channel, ct))
            yield return new TranscriptChange(conversationId);
    }

    private DateTimeOffset Now() => clock.GetUtcNow().ToUniversalTime();

    private async Task<TranscriptTail?> ReadTailAsync(NpgsqlConnection connection, string conversationId, int fromIndex, CancellationToken ct)
    {
        // The posted total, the inbox, then the activities: every queued turn's echo was committed before it, so it is read too.
        long posted;
        await using (var command = Command(connection, null, "SELECT posted_bytes FROM dl_conversation WHERE id = $1", conversationId))
        {
            if (await command.ExecuteScalarAsync(ct) is not long value)
                return null;
            posted = value;
        }

        var inbox = new List<InboxTurn>();
        await using (var command = Command(connection, null, "SELECT echo, user_id, text, channel FROM dl_inbox WHERE conversation = $1 ORDER BY echo", conversationId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                inbox.Add(new InboxTurn(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        var activities = new List<byte[]>();
        await using (var command = Command(connection, null, "SELECT idx, body FROM dl_activity WHERE conversation = $1 AND idx >= $2 ORDER BY idx", conversationId, fromIndex))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetInt32(0) != fromIndex + activities.Count)
                    throw new InvalidDataException($"Direct Line conversation '{conversationId}' misses activity {fromIndex + activities.Count}.");
                activities.Add(reader.GetFieldValue<byte[]>(1));
            }
        }
        return new TranscriptTail(activities, posted, inbox);
    }

    private static async Task InsertActivityAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string conversationId, int index, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO dl_activity (conversation, idx, body) VALUES ($1, $2, $3)",
                ct, conversationId, index, body.ToArray());
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new TranscriptConflictException(conversationId, ex);
        }
    }

    private Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string conversationId, CancellationToken ct) =>
        _notices.NotifyAsync(connection, transaction, Channel, conversationId, ct);

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
