using Mamori.Core.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mamori.Core.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>
    /// The anonymised statistics: the SQLite store under data/ (unless a store was registered before, e.g. the host's
    /// PostgreSQL one), the salted keys, and the recorder as the engine's
    /// <see cref="IDiagnosisObserver"/> (unless <c>Mamori:Evidence:Enabled</c> is false). Registered by the host only.
    /// </summary>
    public static IServiceCollection AddMamoriEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddContentRoot(configuration);
        services.TryAddSingleton<IEvidenceStore>(sp => new SqliteEvidenceStore(
            sp.GetRequiredService<ContentRoot>().Resolve(sp.GetRequiredService<IOptions<EvidenceOptions>>().Value.SqlitePath)));
        services.TryAddSingleton(sp => EvidenceKeys.Load(sp.GetRequiredService<IOptions<EvidenceOptions>>().Value, sp.GetRequiredService<ContentRoot>()));
        services.TryAddSingleton<EvidenceRecorder>();
        if (configuration.GetValue(EvidenceOptions.Section + ":" + nameof(EvidenceOptions.Enabled), true))
            services.TryAddSingleton<IDiagnosisObserver>(sp => sp.GetRequiredService<EvidenceRecorder>());
        return services;
    }
}
