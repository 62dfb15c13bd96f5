using Mamori.Desk.Audit;
using Mamori.Desk.Storage;
using Mamori.Host.Reports;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;
using static Mamori.Host.Desk.Console.DeskConsoleEndpoints;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// GET /desk/cases/{id}/report: the adviser's view of the owner's report (with the reviewers' cautions and the questions
/// not asked), for a staff member signed in with their own account who may see the case. It replaces the tenant's one
/// shared adviser password: every look is tied to a person, limited and locked like any sign-in, and audited.
/// </summary>
internal sealed class CaseReportHandler(
    DeskRequests requests, IDeskStore store, IReportSnapshots reports, ReportDetailsReader details,
    IOptions<HostTexts> texts, ReportPageTexts reportTexts)
{
    public async Task<IResult> ShowAsync(HttpContext context, string id)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Redirect("/desk/login");
        var ct = context.RequestAborted;
        var found = await requests.FindVisibleAsync(session, id, ct);
        var snapshot = found is null ? null : await reports.FindAsync(found.Conversation.ConversationId, ct);
        if (found is null || snapshot is null || snapshot.Conversation.TenantId != session.TenantId)
            return Page(DeskPages.Message("報告書が見つかりません", DeskWords.NoCaseReport, session.Tenant.Options.DisplayName, session, requests.Token(context),
                found is null ? "/desk" : $"/desk/cases/{Uri.EscapeDataString(found.Id)}", found is null ? "相談の一覧へ" : "相談のページへ"), StatusCodes.Status404NotFound);

        await store.AppendAuditAsync(session.TenantId, session.Staff.Id, AuditAction.ReportViewed, found.Id, null, ct);
        var view = new ReportView(snapshot, await details.ReadAsync(snapshot, ct), Adviser: true);
        // The report's own page, with its print button's script (the console's pages allow none).
        context.Response.Headers.ContentSecurityPolicy = ReportEndpoints.ContentSecurityPolicy;
        return Page(ReportPage.Render(view, session.Tenant, texts.Value, reportTexts), StatusCodes.Status200OK);
    }
}
