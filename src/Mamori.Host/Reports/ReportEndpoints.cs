using Mamori.Core.Evidence;
using Mamori.Core;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Reports;

public static class ReportEndpoints
{
    /// <summary>The report's own script (the print button, /report.js) and styles, nothing else; the desk's printed reports send it too.</summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // TryAdd: AddStorage, which runs first, registers the PostgreSQL store when the reports are shared.
        services.TryAddSingleton<IReportSnapshots>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ReportOptions>>().Value;
            return new SqliteReportSnapshots(sp.GetRequiredService<ContentRoot>().Resolve(options.SqlitePath), options.MaxReports);
        });
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ReportAccess>();
        services.AddSingleton<ReportDetailsReader>();
        services.AddSingleton(sp => ReportPageTexts.Load(sp.GetRequiredService<ContentRoot>()));
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report/{conversationId}", ShowAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(
        string conversationId, string? t, HttpContext context, IReportSnapshots reports, ReportAccess access,
        TenantCatalog tenants, IOptions<HostTexts> texts, ReportDetailsReader details, ReportPageTexts pageTexts, EvidenceRecorder evidence)
    {
        var response = context.Response;
        // The link carries its token: never cache the page, never send the URL on as a referrer, never frame it.
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;

        var snapshot = await reports.FindAsync(conversationId, context.RequestAborted);
        var result = await access.CheckAsync(conversationId, t, snapshot, context.RequestAborted);
        var words = texts.Value;
        switch (result)
        {
            case ReportAccessResult.Expired:
                return Page(ReportPage.Message(words.ReportTitle, words.ReportLinkExpired), StatusCodes.Status403Forbidden);
            case ReportAccessResult.Denied:
                return Page(ReportPage.Message(words.ReportTitle, words.ReportLinkExpired), StatusCodes.Status401Unauthorized);
        }

        if (snapshot is null || tenants.Find(snapshot.Conversation.TenantId) is not { } tenant)
            return Page(ReportPage.Message(words.ReportTitle, words.ReportNotFound), StatusCodes.Status404NotFound);
        // The owner opened their report (an adviser's look, on the desk console, is not the company's follow-up).
        await evidence.FollowedAsync(snapshot.Conversation, FollowUpKind.ReportOpened, context.RequestAborted);
        var view = new ReportView(snapshot, await details.ReadAsync(snapshot, context.RequestAborted), Adviser: false);
        return Page(ReportPage.Render(view, tenant, words, pageTexts), StatusCodes.Status200OK);
    }

    private static IResult Page(string html, int status) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}
