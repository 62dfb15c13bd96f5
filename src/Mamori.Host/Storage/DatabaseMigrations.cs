using Mamori.Storage.Postgres;
using Npgsql;

namespace Mamori.Host.Storage;

/// <summary>
/// Brings the PostgreSQL schema up to date before the host listens: a host that cannot reach its database, or finds a
/// schema newer than it knows, stops at start with the reason instead of failing the first owner's turn.
/// </summary>
internal sealed partial class DatabaseMigrations(NpgsqlDataSource database, IEnumerable<MigrationHistory> histories, ILogger<DatabaseMigrations> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        foreach (var history in histories)
        {
            int applied;
            try
            {
                applied = await SchemaMigrator.ApplyAsync(database, history, cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"Storage:Provider is 'postgres' but the database {target.Host}:{target.Port}/{target.Database} (ConnectionStrings:Mamori) could not be migrated: {ex.Message}", ex);
            }
            Migrated(logger, history.Name, applied, history.Migrations.Count, target.Host, target.Port, target.Database);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "PostgreSQL schema '{History}': {Applied} migration(s) applied, now at version {Version} ({Host}:{Port}/{Database}).")]
    private static partial void Migrated(ILogger logger, string history, int applied, int version, string? host, int port, string? database);
}
