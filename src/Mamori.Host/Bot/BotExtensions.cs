using Mamori.Core;
using Mamori.Knowledge;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Bot;

public static class BotExtensions
{
    /// <summary>The dialog engine and the knowledge answering behind it, as the channels' <see cref="IConversationBot"/>.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMamoriKnowledge(configuration);   // before the core: the engine picks up its IQuestionAnswerer
        services.AddMamoriCore(configuration);
        services.TryAddSingleton<IConversationBot, DialogEngineBot>();
        return services;
    }
}
