using Mamori.Core.Dialogs;
using Mamori.Host.Desk.Hubs;
using Mamori.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mamori.Host.Storage.Postgres;

/// <summary>
/// The hub holds in PostgreSQL, shared by every host: the same rule as <see cref="HubHolds"/> (a hold ends with its
/// handoff.status, or by itself after <see cref="HubOptions.MaxHold"/>). Expired holds are deleted as new ones are made.
/// </summary>
internal sealed class PostgresHubHolds(NpgsqlDataSource database, TimeProvider clock, IOptions<HubOptions> options) : IHubHolds
{
    /// <summary>The table this store needs (Migrations/hub_holds/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresHubHolds).Assembly, "hub_holds");

    public async Task HoldAsync(ConversationKey conversation, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(PostgresSql.Statement("DELETE FROM hub_hold WHERE since <= $1", now - options.Value.MaxHold));
        batch.BatchCommands.Add(PostgresSql.Statement("""
            INSERT INTO hub_hold (tenant, conversation, since) VALUES ($1, $2, $3)
            ON CONFLICT (tenant, conversation) DO UPDATE SET since = excluded.since
            """, conversation.TenantId, conversation.ConversationId, now));
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> IsHeldAsync(ConversationKey conversation, CancellationToken ct)
    {
        return await database.ScalarAsync("SELECT since FROM hub_hold WHERE tenant = $1 AND conversation = $2",
            [conversation.TenantId, conversation.ConversationId], ct) is DateTime since && Live(since);
    }

    public async Task<bool> ReleaseAsync(ConversationKey conversation, CancellationToken ct)
    {
        return await database.ScalarAsync("DELETE FROM hub_hold WHERE tenant = $1 AND conversation = $2 RETURNING since",
            [conversation.TenantId, conversation.ConversationId], ct) is DateTime since && Live(since);
    }

    private bool Live(DateTime since) => clock.GetUtcNow() - new DateTimeOffset(since, TimeSpan.Zero) < options.Value.MaxHold;
}
