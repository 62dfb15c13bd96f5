using Mamori.Desk;
using Mamori.Host.Desk.Notices;

namespace Mamori.Host.Desk;

public static class DeskExtensions
{
    /// <summary>A request for a person becomes a case in the desk store, and the desk is told (Desk:Notices).</summary>
    public static IServiceCollection AddDeskHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMamoriDesk(configuration);
        services.AddOptions<DeskNoticeOptions>().BindConfiguration(DeskNoticeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(DeskNotices.WebhookClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<DeskNotices>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskNotices>());
        services.AddSingleton<CaseSnapshots>();
        services.AddSingleton<DeskHandoff>();
        return services;
    }
}
