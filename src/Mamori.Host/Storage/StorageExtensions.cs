using Mamori.Core.Evidence;
using Mamori.Core.Storage;
using Mamori.Desk.Advisers;
using Mamori.Desk.Storage;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Conversations;
using Mamori.Storage.Postgres.Desk;
using Mamori.Storage.Postgres.Evidence;
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
    /// <remarks>A store added later (e.g. Direct Line's) registers its own MigrationHistory and takes the data source.</remarks>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            // Both ask where the dialog state goes: PostgreSQL would win silently, and the operator believed it was in memory.
            .Validate(options => !(options.IsPostgres && configuration[$"{StateStoreOptions.Section}:{nameof(StateStoreOptions.Provider)}"] == "memory"),
                "Storage:Provider 'postgres' keeps the dialog state in PostgreSQL; remove Mamori:State:Provider 'memory' (it cannot apply).")
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
        // Before AddMamoriDesk's SQLite defaults (also TryAdd), so a case opened on one instance is on every instance's desk.
        services.AddSingleton(PostgresDeskStore.Migrations);
        services.TryAddSingleton<IDeskStore, PostgresDeskStore>();
        services.AddSingleton(PostgresAdviserCompanies.Migrations);
        services.TryAddSingleton<IAdviserCompanies, PostgresAdviserCompanies>();
        services.AddHostedService<DatabaseMigrations>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
