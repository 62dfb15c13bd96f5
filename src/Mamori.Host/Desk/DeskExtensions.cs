using Mamori.Desk;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Desk.Live;
using Mamori.Host.Desk.Notices;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Desk;

public static class DeskExtensions
{
    /// <summary>
    /// A request for a person becomes a case in the desk store, the desk is told (Desk:Notices), and they chat; or, for a
    /// tenant whose desk is a contact-centre hub, the conversation goes to the hub (Desk/Hubs).
    /// </summary>
    public static IServiceCollection AddDeskHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMamoriDesk(configuration);
        services.AddOptions<DeskNoticeOptions>().BindConfiguration(DeskNoticeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(DeskNotices.WebhookClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<DeskNotices>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskNotices>());
        services.AddSingleton<CaseSnapshots>();
        services.AddSingleton<DeskHandoff>();
        // The live chat between desk and owner (Desk/Live): the owners' side, the consoles' side, and who is at the console.
        services.AddSingleton<DeskEvents>();
        services.AddSingleton<DeskPresence>();
        services.AddSingleton<DeskReach>();
        services.AddSingleton<DeskQueue>();
        services.AddSingleton<DeskChat>();
        services.AddSingleton<OwnerMessenger>();
        services.AddSingleton<CaseWork>();
        // Tenants whose desk is a contact-centre hub (SupportDesk:Handoff = Hub) hand the conversation over instead.
        services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IHubHolds, HubHolds>();
        services.AddSingleton<HubHandoff>();
        services.AddSingleton<HubStatus>();
        services.AddSingleton<HandoffInitiation>();
        return services;
    }
}
