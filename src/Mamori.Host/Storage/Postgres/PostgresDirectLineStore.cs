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
/// Each call is one batch, so one round trip and one transaction (a batch runs in an implicit transaction): a turn costs
/// a few round trips, not a few dozen. Indexes are taken by the primary key: a second writer of an index gets a
/// <see cref="TranscriptConflictException"/> and writes after what it missed. Every write of a transcript says so on
/// <see cref="Channel"/> (a notice in its transaction, so only once committed), and <see cref="WatchAsync"/> listens for
/// the other hosts'. The pump lease is two columns of the conversation's row; giving it up locks that row first, as
/// accepting a turn does (it updates the posted total), so an accept either commits before the release looks at the
/// inbox or waits for it.
/// </remarks>
/// <param name="notices">The host's notices, shared with the desk relay: one name for this host on the database.</param>
public sealed class PostgresDirectLineStore(NpgsqlDataSource database, PostgresNotices notices, TimeProvider clock) : IDirectLineStore
{
    /// <summary>The tables this store needs (Migrations/directline/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresDirectLineStore).Assembly, "directline");

    public const string Channel = "mamori_directline";

    private readonly PostgresNotices _notices = notices;

    /// <summary>This host among those on the database: the owner of its pump leases.</summary>
    private string Host => _notices.Host;

    public async Task<bool> CreateAsync(NewDirectLineConversation conversation, CancellationToken ct)
    {
        // One statement: the start turn is queued only by the insert that created the conversation.
        await using var batch = Batch(("""
            WITH created AS (
                INSERT INTO dl_conversation (id, tenant, user_id, public_base, posted_bytes, touched_at)
                VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (id) DO NOTHING RETURNING id)
            INSERT INTO dl_inbox (conversation, echo, user_id, text, channel, accepted_at)
            SELECT id, $6, $3, '', $7, $5 FROM created
            """, [conversation.Key.ConversationId, conversation.Key.TenantId, conversation.UserId, conversation.PublicBase.ToString(),
                conversation.CreatedAt.ToUniversalTime(), InboxTurn.StartTurn, conversation.ChannelId]));
        return await batch.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<StoredDirectLineConversation?> LoadAsync(string conversationId, CancellationToken ct)
    {
        await using var batch = TailBatch(conversationId, 0);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        var key = new ConversationKey(reader.GetString(1), conversationId);
        string userId = reader.GetString(2);
        var publicBase = new Uri(reader.GetString(3));
        var tail = await ReadTailAsync(reader, conversationId, 0, ct);
        return new StoredDirectLineConversation(key, userId, publicBase, tail.PostedBytes, tail.Activities, tail.Inbox);
    }

    public async Task<TranscriptTail?> ReadSinceAsync(string conversationId, int fromIndex, CancellationToken ct)
    {
        await using var batch = TailBatch(conversationId, fromIndex);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? await ReadTailAsync(reader, conversationId, fromIndex, ct) : null;
    }

    public async Task AppendAsync(string conversationId, int firstIndex, IReadOnlyList<ReadOnlyMemory<byte>> activities, int? answered, CancellationToken ct)
    {
        await using var batch = database.CreateBatch();
        for (int i = 0; i < activities.Count; i++)
            batch.BatchCommands.Add(PostgresSql.Statement("INSERT INTO dl_activity (conversation, idx, body) VALUES ($1, $2, $3)", conversationId, firstIndex + i, activities[i].ToArray()));
        if (answered is { } echo)
            batch.BatchCommands.Add(PostgresSql.Statement("DELETE FROM dl_inbox WHERE conversation = $1 AND echo = $2", conversationId, echo));
        batch.BatchCommands.Add(PostgresSql.Statement("UPDATE dl_conversation SET touched_at = greatest(touched_at, $2) WHERE id = $1", conversationId, Now()));
        batch.BatchCommands.Add(_notices.NotifyCommand(Channel, conversationId));
        await ExecuteWritingAsync(batch, conversationId, ct);
    }

    public async Task AcceptAsync(string conversationId, int index, ReadOnlyMemory<byte> echo, long postedBytes, InboxTurn? turn, CancellationToken ct)
    {
        var now = Now();
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(PostgresSql.Statement("INSERT INTO dl_activity (conversation, idx, body) VALUES ($1, $2, $3)", conversationId, index, echo.ToArray()));
        if (turn is not null)
            batch.BatchCommands.Add(PostgresSql.Statement("INSERT INTO dl_inbox (conversation, echo, user_id, text, channel, accepted_at) VALUES ($1, $2, $3, $4, $5, $6)",
                conversationId, turn.EchoIndex, turn.UserId, turn.Text, turn.ChannelId, now));
        // Also locks the row, in line with TryReleaseLeaseAsync (see the remarks).
        batch.BatchCommands.Add(PostgresSql.Statement("UPDATE dl_conversation SET posted_bytes = $2, touched_at = greatest(touched_at, $3) WHERE id = $1",
            conversationId, postedBytes, now));
        batch.BatchCommands.Add(_notices.NotifyCommand(Channel, conversationId));
        await ExecuteWritingAsync(batch, conversationId, ct);
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var batch = Batch(("""
            SELECT i.conversation FROM dl_inbox i JOIN dl_conversation c ON c.id = i.conversation
            WHERE c.pump_owner IS NULL OR c.pump_until < $1
            GROUP BY i.conversation ORDER BY min(i.accepted_at)
            """, [Now()]));
        var ids = new List<string>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task<bool> TryLeaseAsync(string conversationId, DateTimeOffset until, CancellationToken ct)
    {
        await using var batch = Batch(("""
            UPDATE dl_conversation SET pump_owner = $2, pump_until = $3
            WHERE id = $1 AND (pump_owner IS NULL OR pump_owner = $2 OR pump_until < $4)
            """, [conversationId, Host, until.ToUniversalTime(), Now()]));
        return await batch.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> TryReleaseLeaseAsync(string conversationId, CancellationToken ct)
    {
        // The row lock first; the UPDATE is a statement of its own, so its look at the inbox sees every accept committed
        // before the lock was had (and later ones wait for it).
        await using var batch = Batch(
            ("SELECT 1 FROM dl_conversation WHERE id = $1 AND pump_owner = $2 FOR UPDATE", [conversationId, Host]),
            ("""
             UPDATE dl_conversation SET pump_owner = NULL, pump_until = NULL
             WHERE id = $1 AND pump_owner = $2 AND NOT EXISTS (SELECT 1 FROM dl_inbox WHERE conversation = $1)
             """, [conversationId, Host]));
        bool held;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            held = await reader.ReadAsync(ct);
            await reader.NextResultAsync(ct);   // runs the UPDATE, which sets its RecordsAffected
        }
        return !held || batch.BatchCommands[1].RecordsAffected == 1;
    }

    public async Task TouchAsync(string conversationId, DateTimeOffset at, CancellationToken ct)
    {
        await using var batch = Batch(("UPDATE dl_conversation SET touched_at = greatest(touched_at, $2) WHERE id = $1", [conversationId, at.ToUniversalTime()]));
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        // Activities and the inbox go with their conversation (ON DELETE CASCADE).
        await using var batch = Batch(("DELETE FROM dl_conversation WHERE touched_at < $1", [cutoff.ToUniversalTime()]));
        return await batch.ExecuteNonQueryAsync(ct);
    }

    public async IAsyncEnumerable<TranscriptChange> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (string? conversationId in _notices.ListenAsync(Channel, ct))
            yield return new TranscriptChange(conversationId);
    }

    private DateTimeOffset Now() => clock.GetUtcNow().ToUniversalTime();

    /// <summary>
    /// The conversation's row, its inbox, then its activities from an index: every queued turn's echo was committed
    /// before the turn, so it is among the activities read.
    /// </summary>
    private NpgsqlBatch TailBatch(string conversationId, int fromIndex) => Batch(
        ("SELECT posted_bytes, tenant, user_id, public_base FROM dl_conversation WHERE id = $1", [conversationId]),
        ("SELECT echo, user_id, text, channel FROM dl_inbox WHERE conversation = $1 ORDER BY echo", [conversationId]),
        ("SELECT idx, body FROM dl_activity WHERE conversation = $1 AND idx >= $2 ORDER BY idx", [conversationId, fromIndex]));

    /// <summary>From the conversation's row (already read) on to the inbox and the activities.</summary>
    private static async Task<TranscriptTail> ReadTailAsync(NpgsqlDataReader reader, string conversationId, int fromIndex, CancellationToken ct)
    {
        long posted = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var inbox = new List<InboxTurn>();
        while (await reader.ReadAsync(ct))
            inbox.Add(new InboxTurn(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        await reader.NextResultAsync(ct);
        var activities = new List<byte[]>();
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetInt32(0) != fromIndex + activities.Count)
                throw new InvalidDataException($"Direct Line conversation '{conversationId}' misses activity {fromIndex + activities.Count}.");
            activities.Add(reader.GetFieldValue<byte[]>(1));
        }
        return new TranscriptTail(activities, posted, inbox);
    }

    private static async Task ExecuteWritingAsync(NpgsqlBatch batch, string conversationId, CancellationToken ct)
    {
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new TranscriptConflictException(conversationId, ex);
        }
    }

    private NpgsqlBatch Batch(params (string Sql, object[] Values)[] statements)
    {
        var batch = database.CreateBatch();
        foreach (var (sql, values) in statements)
            batch.BatchCommands.Add(PostgresSql.Statement(sql, values));
        return batch;
    }
}
