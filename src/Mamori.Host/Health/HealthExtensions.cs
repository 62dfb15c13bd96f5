using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mamori.Host.Health;

public static class HealthExtensions
{
    /// <summary>The health check service logs every Degraded result as a warning; ours is Degraded only while warming up.</summary>
    private const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddSingleton<Readiness>();
        services.AddHostedService(sp => sp.GetRequiredService<Readiness>());
        services.AddHealthChecks().AddCheck<Readiness>("ready");
        // Warming up is said once by Readiness at Information level; a real failure (Unhealthy) is still logged as an error.
        services.AddLogging(logging => logging.AddFilter(HealthCheckServiceCategory, LogLevel.Error));
        return services;
    }

    /// <summary>
    /// /healthz and /healthz/ready: 200 "Healthy" once the knowledge index is loaded, 503 "Degraded" while loading, 503
    /// "Unhealthy" when loading failed — a load balancer sends traffic only then. /healthz/live: 200 while the process
    /// serves requests at all, checking nothing, so an orchestrator restarts a hung host but not one still warming up.
    /// </summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        };
        app.MapHealthChecks("/healthz", ready);
        app.MapHealthChecks("/healthz/ready", ready);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
