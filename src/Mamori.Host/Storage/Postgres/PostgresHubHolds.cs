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
        batch.BatchCommands.Add(Statement("DELETE FROM hub_hold WHERE since <= $1", now - options.Value.MaxHold));
        batch.BatchCommands.Add(Statement("""
            INSERT INTO hub_hold (tenant, conversation, since) VALUES ($1, $2, $3)
            ON CONFLICT (tenant, conversation) DO UPDATE SET since = excluded.since
            """, conversation.TenantId, conversation.ConversationId, now));
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> IsHeldAsync(ConversationKey conversation, CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT since FROM hub_hold WHERE tenant = $1 AND conversation = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = conversation.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = conversation.ConversationId });
        return await command.ExecuteScalarAsync(ct) is DateTime since && Live(since);
    }

    public async Task<bool> ReleaseAsync(ConversationKey conversation, CancellationToken ct)
    {
        await using var command = database.CreateCommand("DELETE FROM hub_hold WHERE tenant = $1 AND conversation = $2 RETURNING since");
        command.Parameters.Add(new NpgsqlParameter { Value = conversation.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = conversation.ConversationId });
        return await command.ExecuteScalarAsync(ct) is DateTime since && Live(since);
    }

    private bool Live(DateTime since) => clock.GetUtcNow() - new DateTimeOffset(since, TimeSpan.Zero) < options.Value.MaxHold;

    private static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
