using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Mamori.Host.Channels.BotFramework.Connector;

internal static class ConnectorExtensions
{
    public static IServiceCollection AddBotFrameworkConnector(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(ConnectorTokenSource.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(ConnectorClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("bot-connector", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // What Teams asks bots to retry with backoff; other answers (400, 403, 413…) would fail again.
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException } => true,
                        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout } => true,
                        _ => false,
                    }),
                    MaxRetryAttempts = settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryDelay,
                    MaxDelay = settings.MaxRetryDelay,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(settings.AttemptTimeout);
            });
        services.AddSingleton<ConnectorTokenSource>();
        services.AddSingleton<ConnectorClient>();
        return services;
    }
}
