using Mamori.Host.Desk.Live;
using Mamori.Host.Channels.BotFramework.Auth;
using Mamori.Host.Channels.BotFramework.Connector;

namespace Mamori.Host.Channels.BotFramework;

public static class BotFrameworkExtensions
{
    /// <summary>POST /api/messages for Teams and the Azure Bot Service channels; settings under BotFramework (validated at start).</summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>()
            .BindConfiguration(BotFrameworkOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.IsEmulatorMode || Guid.TryParse(o.AppId, out _), "BotFramework:AppId must be the bot's Microsoft App ID (a GUID).")
            .Validate(o => o.IsEmulatorMode || !string.IsNullOrEmpty(o.AppPassword), "BotFramework:AppPassword (the app's client secret) is required with BotFramework:AppId.")
            .Validate(o => string.IsNullOrEmpty(o.TenantId) || Guid.TryParse(o.TenantId, out _), "BotFramework:TenantId must be the Entra tenant id (a GUID) of a single-tenant bot.")
            .ValidateOnStart();
        services.AddBotFrameworkAuth();
        services.AddBotFrameworkConnector();
        services.AddSingleton<BotFrameworkRenderer>();
        services.AddSingleton<BotFrameworkTurns>();
        services.AddSingleton<IOwnerChannel, ConnectorOwnerChannel>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotFrameworkChannel(this IEndpointRouteBuilder app)
    {
        BotFrameworkEndpoint.Map(app);
        return app;
    }
}
