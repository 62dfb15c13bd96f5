using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Conversations;
using Mamori.Tests.Postgres;

namespace Mamori.Host.Tests.Storage;

/// <summary>The migrations the host applies at start, against a real server.</summary>
public sealed class SchemaMigratorTests
{
    [PostgresFact]
    public async Task Migrations_run_once_and_instances_starting_together_apply_them_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var history = PostgresConversationStore.Migrations;

        int[] applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaMigrator.ApplyAsync(database.DataSource, history, CancellationToken.None)));

        Assert.Equal(history.Migrations.Count, applied.Sum());
        Assert.Equal(0, await SchemaMigrator.ApplyAsync(database.DataSource, history, CancellationToken.None));
    }

    [PostgresFact]
    public async Task A_schema_newer_than_the_build_is_refused_with_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var history = PostgresConversationStore.Migrations;
        await SchemaMigrator.ApplyAsync(database.DataSource, history, CancellationToken.None);
        await using (var newer = database.DataSource.CreateCommand("INSERT INTO schema_history (history, version, file) VALUES ('conversations', 99, '0099_from_the_future.sql')"))
            await newer.ExecuteNonQueryAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.ApplyAsync(database.DataSource, history, CancellationToken.None));
        Assert.Contains("'conversations' schema is at version 99, newer than this build knows", error.Message, StringComparison.Ordinal);
    }
}
