using Mamori.Core.Evidence;
using Mamori.Core.Storage;
using Mamori.Desk.Advisers;
using Mamori.Desk.Storage;
using Mamori.Host.Access;
using Mamori.Host.Channels.DirectLine.Storage;
using Mamori.Host.Desk.Console;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Desk.Live;
using Mamori.Host.Media;
using Mamori.Host.Reports;
using Mamori.Host.Storage.Postgres;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Conversations;
using Mamori.Storage.Postgres.Desk;
using Mamori.Storage.Postgres.Evidence;
using Mamori.Storage.Postgres.Notices;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mamori.Host.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// <c>Storage:Provider</c>: with <c>sqlite</c> (default) nothing is registered here and Core and Desk open their files
    /// under data/. With <c>postgres</c> the PostgreSQL stores are registered first (the SQLite defaults are only added
    /// when no store is), one pooled <see cref="NpgsqlDataSource"/> serves them all, every <see cref="MigrationHistory"/>
    /// registered is applied before the host listens, and /healthz asks the database.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            // Both ask where the dialog state goes: PostgreSQL would win silently, and the operator believed it was in memory.
            .Validate(options => !(options.IsPostgres && configuration[$"{StateStoreOptions.Section}:{nameof(StateStoreOptions.Provider)}"] == "memory"),
                "Storage:Provider 'postgres' keeps the dialog state in PostgreSQL; remove Mamori:State:Provider 'memory' (it cannot apply).")
            // A key generated under data/ would differ per instance, and a token minted by one would be refused by the others.
            .Validate(options => !options.IsPostgres || !string.IsNullOrEmpty(configuration["Access:TokenSigningKey"]),
                "Storage:Provider 'postgres' is for instances that share one database, and they must sign tokens and report links with one key: set Access:TokenSigningKey to the same value on every instance (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // What is registered depends on the provider, so it is read here; a bad value still fails at start through the
        // validation above, which runs before any store is built.
        if (configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] != "postgres")
            return services;

        services.TryAddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString).Build());
        services.AddSingleton(PostgresConversationStore.Migrations);
        services.TryAddSingleton<IConversationStore, PostgresConversationStore>();
        services.AddSingleton(PostgresEvidenceStore.Migrations);
        services.TryAddSingleton<IEvidenceStore, PostgresEvidenceStore>();
        // This host's notices to the others (LISTEN/NOTIFY), one name for the host: new turns of a Direct Line conversation,
        // and what the desk's consoles and the owners' side tell each other (case events, who is at a console).
        services.TryAddSingleton<PostgresNotices>();
        // Web Chat and widget conversations, so another instance goes on with one and a restart loses none.
        services.AddSingleton(PostgresDirectLineStore.Migrations);
        services.TryAddSingleton<IDirectLineStore, PostgresDirectLineStore>();
        services.AddHostedService<PostgresDeskRelay>();
        // The host's own shared stores (Storage/Postgres/): their contracts are the host's, so they live beside them.
        services.AddSingleton(PostgresReportSnapshots.Migrations);
        services.TryAddSingleton<IReportSnapshots>(sp => new PostgresReportSnapshots(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<ReportOptions>>().Value.MaxReports));
        services.AddSingleton(PostgresMediaStore.Migrations);
        services.TryAddSingleton<IMediaStore>(sp => new PostgresMediaStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<MediaOptions>>().Value.MaxTotalBytes));
        services.AddSingleton(PostgresTokenRevocations.Migrations);
        services.TryAddSingleton<ITokenRevocations>(sp => new PostgresTokenRevocations(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(), TokenRevocations.Capacity));
        // Before AddMamoriDesk's SQLite defaults (also TryAdd), so a case opened on one instance is on every instance's desk.
        services.AddSingleton(PostgresDeskStore.Migrations);
        services.TryAddSingleton<IDeskStore, PostgresDeskStore>();
        services.AddSingleton(PostgresAdviserCompanies.Migrations);
        services.TryAddSingleton<IAdviserCompanies, PostgresAdviserCompanies>();
        // Before the console's in-memory default: a guesser spread over the instances is counted once.
        services.AddSingleton(PostgresLoginLockouts.Migrations);
        services.TryAddSingleton<ILoginLockouts, PostgresLoginLockouts>();
        // Before the desk's in-memory default: a hub's hold holds on whichever instance the owner's next message reaches.
        services.AddSingleton(PostgresHubHolds.Migrations);
        services.TryAddSingleton<IHubHolds, PostgresHubHolds>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddHostedService<DatabaseMigrations>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
