using Mamori.Core;
using Mamori.Desk.Advisers;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mamori.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// The desk's store (SQLite at <c>Mamori:Desk:SqlitePath</c>, default data/mamori-desk.db under the one
    /// <see cref="ContentRoot"/>), the advisers' companies in the same file, and <see cref="StaffPasswords"/>. The stores
    /// open the file on first use.
    /// </summary>
    public static IServiceCollection AddMamoriDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeskStoreOptions>()
            .Bind(configuration.GetSection(DeskStoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddContentRoot(configuration);
        services.TryAddSingleton<IDeskStore>(sp => new SqliteDeskStore(
            sp.GetRequiredService<ContentRoot>().Resolve(sp.GetRequiredService<IOptions<DeskStoreOptions>>().Value.SqlitePath),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAdviserCompanies>(sp => new SqliteAdviserCompanies(
            sp.GetRequiredService<ContentRoot>().Resolve(sp.GetRequiredService<IOptions<DeskStoreOptions>>().Value.SqlitePath),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<StaffPasswords>();
        return services;
    }
}
