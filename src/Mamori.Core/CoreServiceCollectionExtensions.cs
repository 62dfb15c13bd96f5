using Mamori.Core.Dialogs;
using Mamori.Core.Reports;
using Mamori.Core.Storage;
using Mamori.Core.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mamori.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The core: diagnosis script, classifier, measure catalog and report (from knowledge/), conversation state (SQLite under data/ by
    /// default) and the dialog's wording (prompts/dialog/), all under one <see cref="ContentRoot"/>, and the <see cref="DialogEngine"/>.
    /// Data files are read once, on first use, and a mistake in them fails with the file's name. Register an <c>IQuestionAnswerer</c> (AddMamoriKnowledge)
    /// to answer free questions; without one the engine declines them politely.
    /// </summary>
    public static IServiceCollection AddMamoriCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateStoreOptions>()
            .Bind(configuration.GetSection(StateStoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DialogOptions>()
            .Bind(configuration.GetSection(DialogOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddContentRoot(configuration);
        services.TryAddSingleton(sp => DiagnosisKit.Load(sp.GetRequiredService<ContentRoot>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Script);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Catalog);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Classifier);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Report);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Reader(sp.GetRequiredService<DialogLanguage>().Questions));
        services.TryAddSingleton<IDiagnosisFlow, ScriptDiagnosisFlow>();

        services.TryAddSingleton<IConversationStore>(sp =>
            CreateStore(sp.GetRequiredService<IOptions<StateStoreOptions>>().Value, sp.GetRequiredService<ContentRoot>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => DialogLanguage.Load(
            sp.GetRequiredService<IOptions<DialogOptions>>().Value.PromptsFolder(sp.GetRequiredService<ContentRoot>())));
        services.TryAddSingleton<DialogEngine>();
        return services;
    }

    /// <summary>
    /// The one <see cref="ContentRoot"/> (knowledge/, prompts/, data/) that Core and Knowledge read from: <c>Mamori:ContentRoot</c>,
    /// else MAMORI_CONTENT_ROOT, else found upwards; located on first use. Both AddMamoriCore and AddMamoriKnowledge call it;
    /// the first registration wins, so a host or test may register its own instance before either.
    /// </summary>
    public static IServiceCollection AddContentRoot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => ContentRoot.From(configuration));
        return services;
    }

    private static IConversationStore CreateStore(StateStoreOptions options, ContentRoot content, TimeProvider clock) => options.Provider switch
    {
        "memory" => new InMemoryConversationStore(clock),
        _ => new SqliteConversationStore(content.Resolve(options.SqlitePath), clock),
    };
}
