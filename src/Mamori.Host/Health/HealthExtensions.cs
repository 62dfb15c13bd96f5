namespace Mamori.Host.Health;

public static class HealthExtensions
{
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddSingleton<Readiness>();
        services.AddHostedService(sp => sp.GetRequiredService<Readiness>());
        services.AddHealthChecks().AddCheck<Readiness>("ready");
        return services;
    }

    /// <summary>/healthz: 200 "Healthy" once the knowledge index is loaded, 503 before (or when loading failed).</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz");
        return app;
    }
}
