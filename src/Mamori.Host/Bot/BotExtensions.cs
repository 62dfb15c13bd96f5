using Mamori.Core.Evidence;
using Mamori.Core;
using Mamori.Host.Desk;
using Mamori.Knowledge;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Bot;

public static class BotExtensions
{
    /// <summary>The dialog engine and the knowledge answering behind it, as the channels' <see cref="IConversationBot"/>; requests for a person go to the desk.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMamoriKnowledge(configuration);   // before the core: the engine picks up its IQuestionAnswerer
        services.AddMamoriEvidence(configuration);    // before the core too: the engine tells it of each completed diagnosis
        services.AddMamoriCore(configuration);
        services.AddDeskHandoff(configuration);        // where a request for a person becomes a case for the desk
        services.TryAddSingleton<IConversationBot, DialogEngineBot>();
        return services;
    }
}
