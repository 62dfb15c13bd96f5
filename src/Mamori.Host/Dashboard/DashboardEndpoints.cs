using Mamori.Core.Evidence;
using Mamori.Host.Desk.Console;

namespace Mamori.Host.Dashboard;

/// <summary>
/// /dashboard: the anonymised statistics for a tenant's desk staff (signed in as at /desk, whose cookie is scoped to
/// /desk, so the page lives at /desk/dashboard and /dashboard leads there) and, for the supervisors configured, across tenants.
/// </summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvidenceDashboard>();
        services.AddSingleton<DashboardHandlers>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", (HttpContext c) => TypedResults.Redirect("/desk/dashboard" + c.Request.QueryString));
        return app;
    }

    /// <summary>Inside the /desk group, before its catch-all.</summary>
    internal static RouteGroupBuilder MapDashboardPages(this RouteGroupBuilder desk)
    {
        desk.MapGet("/dashboard", (HttpContext c, DashboardHandlers h) => h.PageAsync(c));
        desk.MapGet("/dashboard.csv", (HttpContext c, DashboardHandlers h) => h.CsvAsync(c));
        return desk;
    }
}
