using Mamori.Desk;
using Mamori.Host.Dashboard;
using Mamori.Host.Desk.Companies;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// The support desk's console at /desk: sign-in (cookie, antiforgery, rate-limited), the list of the desk's cases, and
/// the case sheet with take, transfer, the chat with the owner and hand-back. Server-rendered Japanese pages that work
/// without script; desk-live.js adds the live updates. Every page and every look-up is the signed-in staff member's tenant only.
/// </summary>
public static class DeskConsoleEndpoints
{
    public static IServiceCollection AddDeskConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMamoriDesk(configuration);
        services.AddOptions<DeskConsoleOptions>().Bind(configuration.GetSection(DeskConsoleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeskLoginLimiter>();
        services.TryAddSingleton<ILoginLockouts, LoginLockouts>();
        services.AddSingleton<DeskRequests>();
        services.AddSingleton<DeskConsoleHandlers>();
        services.AddSingleton<DeskLiveHandlers>();
        services.AddSingleton<CaseReportHandler>();
        services.AddDeskCompanies();
        services.AddRateLimiter(_ => { });
        services.PostConfigure<RateLimiterOptions>(DeskLoginLimiter.ConfigureAddressLimit);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mamori-desk-af";
            o.Cookie.Path = "/desk";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(DeskSession.Scheme).AddCookie(DeskSession.Scheme, o =>
        {
            o.Cookie.Name = "mamori-desk";
            o.Cookie.Path = "/desk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = "/desk/login";
            // The handlers decide (a redirect for a page, 401 for a form); the cookie handler never redirects by itself.
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(DeskSession.Scheme)
            .Configure<Microsoft.Extensions.Options.IOptions<DeskConsoleOptions>>((cookie, console) =>
                cookie.ExpireTimeSpan = TimeSpan.FromHours(console.Value.SessionHours));
        return services;
    }

    public static IEndpointRouteBuilder MapDeskConsole(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/desk").AddEndpointFilter(async (context, next) =>
        {
            SecurityHeaders(context.HttpContext.Response);
            return await next(context);
        });
        desk.MapGet("/login", (HttpContext c, DeskConsoleHandlers h) => h.LoginPageAsync(c));
        desk.MapPost("/login", (HttpContext c, DeskConsoleHandlers h) => h.LoginAsync(c))
            .RequireRateLimiting(DeskLoginLimiter.AddressPolicy).WithMetadata(new DeskLoginMarker());
        desk.MapPost("/logout", (HttpContext c, DeskConsoleHandlers h) => h.LogoutAsync(c));
        desk.MapGet("", (HttpContext c, DeskConsoleHandlers h) => h.ListAsync(c));
        desk.MapGet("/cases/{id}", (string id, HttpContext c, DeskConsoleHandlers h) => h.SheetAsync(c, id));
        desk.MapPost("/cases/{id}/{action}", (string id, string action, HttpContext c, DeskConsoleHandlers h) => h.ActAsync(c, id, action));
        desk.MapGet("/cases/{id}/report", (string id, HttpContext c, CaseReportHandler h) => h.ShowAsync(c, id));
        desk.MapGet("/cases/{id}/messages", (string id, HttpContext c, DeskLiveHandlers h) => h.MessagesAsync(c, id));
        desk.MapGet("/live", (HttpContext c, DeskLiveHandlers h) => h.LiveAsync(c));
        desk.MapDeskCompanies();
        desk.MapDashboardPages();
        desk.MapGet("/{**rest}", (HttpContext c, DeskConsoleHandlers h) => h.NotFoundAsync(c));
        desk.MapPost("/{**rest}", (HttpContext c, DeskConsoleHandlers h) => h.NotFoundAsync(c));
        return app;
    }

    /// <summary>
    /// Script, styles and connections from this host only (desk-live.js and its socket; no inline script), forms to this
    /// host only; never framed, cached or sent on as a referrer.
    /// </summary>
    internal static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // Exactly what antiforgery sets on its pages, so it has nothing to override (and no warning to log on every sign-in page).
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }

    internal static ContentHttpResult Page(string html, int status) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}
