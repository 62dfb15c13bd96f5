using Mamori.Core.Diagnosis;
using Mamori.Core.Evidence;
using Mamori.Core.Measures;
using Mamori.Desk.Staff;
using Mamori.Host.Desk.Console;
using Mamori.Host.Tenants;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Dashboard;

/// <summary>Who is asking, whose figures they may see, the filters checked; then the page or the CSV.</summary>
internal sealed class DashboardHandlers(
    DeskRequests requests, TenantCatalog tenants, EvidenceDashboard dashboard, DiagnosisScript script, MeasureCatalog catalog,
    IOptions<DashboardOptions> options)
{
    private readonly IReadOnlyList<DashboardSection> _sections = DashboardSections.All(script, catalog);

    public async Task<IResult> PageAsync(HttpContext context)
    {
        var prepared = await PrepareAsync(context, page: true);
        if (prepared.Failure is { } failure)
            return failure;
        var (session, query, scope) = (prepared.Session!, prepared.Query!, prepared.Scope!);
        var figures = await dashboard.BuildAsync(query.Filter(Narrow(scope, query)), options.Value.K, context.RequestAborted);
        var view = new DashboardView(
            session.Tenant.Options.DisplayName, ScopeLine(scope), session, requests.Token(context), query, options.Value.K, _sections, figures,
            [.. Segment.Questions.Select(q => (q, script.Get(q).Topic, (IReadOnlyList<(string, string)>)[.. script.Get(q).Choices.Select(c => (c.Code, c.Label))]))],
            [.. scope.Select(id => (id, tenants.Find(id)?.Options.DisplayName ?? id))]);
        return DeskConsoleEndpoints.Page(DashboardPage.Render(view), StatusCodes.Status200OK);
    }

    public async Task<IResult> CsvAsync(HttpContext context)
    {
        var prepared = await PrepareAsync(context, page: false);
        if (prepared.Failure is { } failure)
            return failure;
        var figures = await dashboard.BuildAsync(prepared.Query!.Filter(Narrow(prepared.Scope!, prepared.Query!)), options.Value.K, context.RequestAborted);
        return TypedResults.File(DashboardCsv.Write(_sections, figures, options.Value.K), "text/csv; charset=utf-8", "mamori-dashboard.csv");
    }

    private async Task<Prepared> PrepareAsync(HttpContext context, bool page)
    {
        var session = await requests.SessionAsync(context);
        if (session is null)
        {
            return new Prepared(page
                ? TypedResults.Redirect("/desk/login")
                : TypedResults.Problem("ログインしてください。", statusCode: StatusCodes.Status401Unauthorized), null, null, null);
        }
        var (query, problem) = DashboardQuery.Read(context.Request.Query, script);
        if (query is null)
            return new Prepared(Refuse(context, session, problem!, StatusCodes.Status400BadRequest, page), session, null, null);
        var scope = Scope(session);
        if (query.Tenant is { } tenant && !scope.Contains(tenant, StringComparer.Ordinal))
            return new Prepared(Refuse(context, session, "その窓口の集計は見られません。", StatusCodes.Status403Forbidden, page), session, null, null);
        return new Prepared(null, session, query, scope);
    }

    /// <summary>A staff member's own tenant; a configured supervisor's tenants (those that exist) as well.</summary>
    private IReadOnlyList<string> Scope(DeskSession session)
    {
        var supervisor = options.Value.Supervisors.FirstOrDefault(s =>
            s.Tenant == session.TenantId && StaffAccount.LoginKey(s.Login) == StaffAccount.LoginKey(session.Staff.Login));
        return supervisor is null ? [session.TenantId] : [.. supervisor.Tenants.Where(t => tenants.Find(t) is not null).Distinct(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string> Narrow(IReadOnlyList<string> scope, DashboardQuery query) => query.Tenant is { } t ? [t] : scope;

    private string ScopeLine(IReadOnlyList<string> scope) =>
        "対象：" + string.Join("、", scope.Select(id => tenants.Find(id)?.Options.DisplayName ?? id)) + "に寄せられた診断";

    private IResult Refuse(HttpContext context, DeskSession session, string reason, int status, bool page) => page
        ? DeskConsoleEndpoints.Page(DeskPages.Message("集計を表示できません", reason, session.Tenant.Options.DisplayName, session, requests.Token(context), "/desk/dashboard", "集計に戻る"), status)
        : TypedResults.Problem(reason, statusCode: status);

    private sealed record Prepared(IResult? Failure, DeskSession? Session, DashboardQuery? Query, IReadOnlyList<string>? Scope);
}
