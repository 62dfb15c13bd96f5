using Mamori.Storage.Postgres;
using Npgsql;

namespace Mamori.Tests.Postgres;

/// <summary>
/// The PostgreSQL side of a store contract: one fresh database for the test, migrated with the store's history on first
/// use, and each <see cref="HostAsync"/> another host instance on it (a data source of its own, as a second host has).
/// </summary>
public sealed class InstancesOnOneDatabase(MigrationHistory history) : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _hosts = [];
    private TestDatabase? _database;

    public async Task<NpgsqlDataSource> HostAsync()
    {
        if (_database is null)
        {
            _database = await TestDatabase.CreateAsync();
            await SchemaMigrator.ApplyAsync(_database.DataSource, history, CancellationToken.None);
        }
        var host = NpgsqlDataSource.Create(_database.ConnectionString);
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
