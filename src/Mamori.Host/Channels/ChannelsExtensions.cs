using Mamori.Core;
using Mamori.Host.Desk.Live;
using Mamori.Host.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;
using Mamori.Host.Channels.BotFramework;
using Mamori.Host.Channels.DirectLine;
using Mamori.Host.Channels.Line;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Channels.Turns;
using Mamori.Host.Media;
using Mamori.Host.Tenants;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Channels;

/// <summary>Registers and maps the channels: Direct Line 3.0 (Web Chat and the widget), the Bot Framework endpoint (Teams), the LINE webhook, and the media they link to.</summary>
public static class ChannelsExtensions
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineAuth>();
        services.TryAddSingleton<IDirectLineStore>(sp => new SqliteDirectLineStore(
            sp.GetRequiredService<ContentRoot>().Resolve(sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.SqlitePath),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationRegistry>();
        services.AddSingleton<ConversationDriver>();
        services.AddSingleton<IOwnerChannel, DirectLineOwnerChannel>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<ReplyPublisher>();
        services.AddOptions<TurnsOptions>().BindConfiguration(TurnsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TurnRunner>();
        services.AddBotFrameworkChannel();
        services.AddLineChannel();
        services.AddMedia();
        services.AddHostedService<ConversationRecovery>();
        services.AddHostedService<ConversationJanitor>();
        services.AddHostedService<TranscriptChangeFeed>();
        services.AddRateLimiter(TenantTokenEndpoint.ConfigureRateLimit);

        // Preflights carry no token, so they are allowed for any origin some tenant lists; each request is then checked
        // against its own tenant (DirectLineAuth).
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<TenantCatalog>((cors, tenants) => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .SetIsOriginAllowed(tenants.IsKnownOrigin)
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                .WithMethods("GET", "POST")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapDirectLine();
        app.MapBotFrameworkChannel();
        app.MapLineChannel();
        TenantTokenEndpoint.Map(app);
        app.MapMedia();
        return app;
    }
}
