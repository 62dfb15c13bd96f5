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
    /// default), the dialog's wording (prompts/dialog/) and the <see cref="DialogEngine"/>. Data files are read once, on
    /// first use, and a mistake in them fails with the file's name. Register an <c>IQuestionAnswerer</c> (AddMamoriKnowledge)
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
        services.TryAddSingleton(_ => KnowledgeFolder.Locate());
        services.TryAddSingleton(sp => DiagnosisKit.Load(sp.GetRequiredService<KnowledgeFolder>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Script);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Catalog);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Classifier);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Report);
        services.TryAddSingleton(sp => sp.GetRequiredService<DiagnosisKit>().Reader(sp.GetRequiredService<DialogLanguage>().Questions));
        services.TryAddSingleton<IDiagnosisFlow, ScriptDiagnosisFlow>();

        services.TryAddSingleton<IConversationStore>(sp =>
            CreateStore(sp.GetRequiredService<IOptions<StateStoreOptions>>().Value, sp.GetRequiredService<KnowledgeFolder>()));
        services.TryAddSingleton(sp => DialogLanguage.Load(DialogLanguage.LocateFolder(sp.GetRequiredService<IOptions<DialogOptions>>().Value.PromptsPath)));
        services.TryAddSingleton<DialogEngine>();
        return services;
    }

    private static IConversationStore CreateStore(StateStoreOptions options, KnowledgeFolder knowledge) => options.Provider switch
    {
        "memory" => new InMemoryConversationStore(),
        _ => new SqliteConversationStore(knowledge.Resolve(options.SqlitePath)),
    };
}
