using Mamori.Host.Desk.Live;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Mamori.Host.Channels.Line;

public static class LineExtensions
{
    /// <summary>POST /api/line/{tenant} for the tenants with a LINE account; settings under Channels:Line and Tenants:&lt;id&gt;:Line.</summary>
    public static IServiceCollection AddLineChannel(this IServiceCollection services)
    {
        services.AddOptions<LineOptions>().BindConfiguration(LineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(LineApiClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("line-api", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<LineOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // A lost connection or LINE's own trouble; 4xx (a spent reply token, 429 for a used-up quota) would fail again.
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException } => true,
                        { Exception: Polly.Timeout.TimeoutRejectedException } => true,
                        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
                        _ => false,
                    }),
                    MaxRetryAttempts = settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryDelay,
                });
                pipeline.AddTimeout(settings.AttemptTimeout);
            });
        services.AddSingleton<LineApiClient>();
        services.AddSingleton<LinePushCounter>();
        services.AddSingleton<LineRenderer>();
        services.AddSingleton<LineTurns>();
        services.AddSingleton<IOwnerChannel, LineOwnerChannel>();
        services.AddSingleton<LineInbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapLineChannel(this IEndpointRouteBuilder app)
    {
        LineEndpoint.Map(app);
        return app;
    }
}
