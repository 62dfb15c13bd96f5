using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.BotFramework.Auth;

internal static class BotFrameworkAuthExtensions
{
    public static IServiceCollection AddBotFrameworkAuth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(OpenIdMetadataCache.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<OpenIdMetadataCache>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddHostedService<EmulatorModeNotice>();
        return services;
    }

    /// <summary>Says once at start that the endpoint is open to this machine only, so nobody deploys it that way by mistake.</summary>
    private sealed class EmulatorModeNotice(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkAuthenticator> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.IsEmulatorMode)
                AuthLog.EmulatorMode(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
