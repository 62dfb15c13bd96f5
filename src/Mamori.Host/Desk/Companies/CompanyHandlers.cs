using Mamori.Core.Diagnosis;
using Mamori.Desk.Advisers;
using Mamori.Desk.Audit;
using Mamori.Desk.Storage;
using Mamori.Host.Desk.Console;
using Mamori.Host.Reports;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;
using static Mamori.Host.Desk.Console.DeskConsoleEndpoints;

namespace Mamori.Host.Desk.Companies;

/// <summary>
/// What each /desk/companies address does. Any staff member of the desk sees and works all of the desk's companies;
/// another desk's company is the same 404 as an id that never existed. Every look at a company, every run, print and
/// deletion is written to the audit log with the company's id (never its name or the answers).
/// </summary>
internal sealed class CompanyHandlers(
    IAdviserCompanies companies, IDeskStore store, DeskRequests requests, CompanyRuns runs,
    TimeProvider clock, IOptions<HostTexts> texts, ReportPageTexts reportTexts)
{
    public async Task<IResult> ListAsync(HttpContext context)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Redirect("/desk/login");
        var list = await companies.ListAsync(session.TenantId, context.RequestAborted);
        string notice = CompanyWords.Done(context.Request.Query["done"].FirstOrDefault());
        return Page(CompanyPages.List(session, list, await requests.StaffNamesAsync(session, context.RequestAborted), notice, Token(context)), StatusCodes.Status200OK);
    }

    public async Task<IResult> NewAsync(HttpContext context)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Redirect("/desk/login");
        return Page(CompanyPages.New(session, new CompanyFormView(null, null, null, null), Token(context)), StatusCodes.Status200OK);
    }

    public async Task<IResult> AddAsync(HttpContext context)
    {
        var (session, form) = await PostedAsync(context);
        if (session is null || form is null)
            return Refused(session);
        string? name = Field(form, "name"), contact = Field(form, "contact"), memo = Field(form, "memo");
        string? error = name is null ? CompanyWords.NameMissing
            : name.Length > CompanyWords.NameMaxLength ? CompanyWords.NameTooLong
            : contact is { Length: > CompanyWords.ContactMaxLength } ? CompanyWords.ContactTooLong
            : memo is { Length: > CompanyWords.MemoMaxLength } ? CompanyWords.MemoTooLong
            : form["consent"].FirstOrDefault() != "yes" ? CompanyWords.NoConsent
            : null;
        if (error is not null)
        {
            var shown = new CompanyFormView(Cut(name, CompanyWords.NameMaxLength), Cut(contact, CompanyWords.ContactMaxLength), Cut(memo, CompanyWords.MemoMaxLength), error);
            return Page(CompanyPages.New(session, shown, Token(context)), StatusCodes.Status400BadRequest);
        }

        // The box is ticked in this very form, so the moment it is sent is the moment consent is recorded.
        var company = await companies.AddAsync(new NewCompany(session.TenantId, name!, contact, memo, clock.GetUtcNow(), session.Staff.Id), context.RequestAborted);
        await AuditAsync(session, AuditAction.CompanyAdded, company.Id, context);
        return TypedResults.Redirect(CompanyPages.Path(company) + "?done=added");
    }

    public Task<IResult> SheetAsync(HttpContext context, string id) => ShowAsync(context, id, async (session, company, _) =>
    {
        await AuditAsync(session, AuditAction.CompanyViewed, company.Id, context);
        string notice = CompanyWords.Done(context.Request.Query["done"].FirstOrDefault());
        return await SheetPageAsync(context, session, company, notice, problem: false, StatusCodes.Status200OK);
    });

    public Task<IResult> DiagnosisFormAsync(HttpContext context, string id) => ShowAsync(context, id, async (session, company, ct) =>
    {
        // The form shows the last run's answers, so looking at it is looking at the company.
        await AuditAsync(session, AuditAction.CompanyViewed, company.Id, context, "diagnosis form");
        var last = (await companies.ListDiagnosesAsync(session.TenantId, company.Id, ct)).LastOrDefault();
        return Page(DiagnosisFormPage.Render(session, company, runs.Questions, last?.Answers ?? AnswerSet.Empty, null, Token(context)), StatusCodes.Status200OK);
    });

    public Task<IResult> DiagnoseAsync(HttpContext context, string id) => ChangeAsync(context, id, async (session, form, company, ct) =>
    {
        if (runs.Read(form) is not { } answers)
            return Page(DiagnosisFormPage.Render(session, company, runs.Questions, AnswerSet.Empty, CompanyWords.BadAnswer, Token(context)), StatusCodes.Status400BadRequest);

        var diagnosis = runs.Classify(company, session.Staff.Id, answers, session.Tenant.Options.Region, clock.GetUtcNow());
        // Null: the company was deleted between the look-up and now.
        if (await companies.AddDiagnosisAsync(diagnosis, ct) is not { } run)
            return NotFound(context, session);
        await AuditAsync(session, AuditAction.CompanyDiagnosed, company.Id, context, "run " + run.Id);
        return TypedResults.Redirect(CompanyPages.Path(company) + "?done=diagnosed");
    });

    public Task<IResult> ReportAsync(HttpContext context, string id) => ShowAsync(context, id, async (session, company, ct) =>
    {
        var list = await companies.ListDiagnosesAsync(session.TenantId, company.Id, ct);
        string? wanted = context.Request.Query["run"].FirstOrDefault();
        var run = wanted is null ? list.LastOrDefault() : list.FirstOrDefault(r => r.Id == wanted);
        if (run is null)
            return Page(DeskPages.Message("診断結果がありません", CompanyWords.NoReport, session.Tenant.Options.DisplayName, session, Token(context), CompanyPages.Path(company), "会社のページへ"), StatusCodes.Status404NotFound);

        await AuditAsync(session, AuditAction.CompanyReportPrinted, company.Id, context, "run " + run.Id);
        var tenant = session.Tenant;
        string adviser = (await store.GetStaffAsync(session.TenantId, run.RanBy, ct))?.DisplayName ?? session.Staff.DisplayName;
        var view = runs.Report(run, tenant.Options.Region, adviser, tenant.Options.DeskName);
        // The report's own page, with its print button's script (the console's pages allow none).
        context.Response.Headers.ContentSecurityPolicy = ReportEndpoints.ContentSecurityPolicy;
        return Page(ReportPage.Render(view, tenant, texts.Value, reportTexts), StatusCodes.Status200OK);
    });

    public Task<IResult> DeleteAsync(HttpContext context, string id) => ChangeAsync(context, id, async (session, form, company, ct) =>
    {
        if (form["confirm"].FirstOrDefault() != "yes")
            return await SheetPageAsync(context, session, company, CompanyWords.DeleteUnconfirmed, problem: true, StatusCodes.Status400BadRequest);
        if (!await companies.DeleteAsync(session.TenantId, company.Id, ct))
            return NotFound(context, session);
        await AuditAsync(session, AuditAction.CompanyDeleted, company.Id, context);
        return TypedResults.Redirect("/desk/companies?done=deleted");
    });

    /// <summary>A page about one of the desk's companies: signed in (else to the sign-in page) and found in this desk (else 404).</summary>
    private async Task<IResult> ShowAsync(HttpContext context, string id, Func<DeskSession, AdviserCompany, CancellationToken, Task<IResult>> show)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Redirect("/desk/login");
        if (await FindAsync(session, id, context.RequestAborted) is not { } company)
            return NotFound(context, session);
        return await show(session, company, context.RequestAborted);
    }

    /// <summary>A form posted about one of the desk's companies: signed in (401), with a valid form (400), found in this desk (404).</summary>
    private async Task<IResult> ChangeAsync(HttpContext context, string id, Func<DeskSession, IFormCollection, AdviserCompany, CancellationToken, Task<IResult>> change)
    {
        var (session, form) = await PostedAsync(context);
        if (session is null || form is null)
            return Refused(session);
        if (await FindAsync(session, id, context.RequestAborted) is not { } company)
            return NotFound(context, session);
        return await change(session, form, company, context.RequestAborted);
    }

    /// <summary>The company's page: its runs, and what changed between the last two.</summary>
    private async Task<IResult> SheetPageAsync(HttpContext context, DeskSession session, AdviserCompany company, string? notice, bool problem, int status)
    {
        var ct = context.RequestAborted;
        var list = await companies.ListDiagnosesAsync(session.TenantId, company.Id, ct);
        var changes = list.Count >= 2 ? runs.Changes(list[^2], list[^1]) : [];
        var view = new CompanySheetView(company, list, changes, await requests.StaffNamesAsync(session, ct), notice, problem);
        return Page(CompanyPages.Sheet(session, view, Token(context)), status);
    }

    /// <summary>The session and the form of a POST with a valid antiforgery token; null in either when missing.</summary>
    private async Task<(DeskSession? Session, IFormCollection? Form)> PostedAsync(HttpContext context)
    {
        var session = await requests.SessionAsync(context);
        return (session, session is null ? null : await requests.ReadFormAsync(context));
    }

    /// <summary>A POST without a session (401) or with an expired or missing form token (400).</summary>
    private static IResult Refused(DeskSession? session) => session is null
        ? Page(DeskPages.Message("ログインしてください", DeskWords.NotSignedIn, null, null, null, "/desk/login", "ログインのページへ"), StatusCodes.Status401Unauthorized)
        : Page(DeskPages.Message("もう一度お試しください", DeskWords.FormExpired, session.Tenant.Options.DisplayName, null, null, "/desk/companies", "会社の一覧へ"), StatusCodes.Status400BadRequest);

    private async Task<AdviserCompany?> FindAsync(DeskSession session, string id, CancellationToken ct) =>
        id.Length is 0 or > 100 ? null : await companies.GetAsync(session.TenantId, id, ct);

    private IResult NotFound(HttpContext context, DeskSession session) =>
        Page(DeskPages.Message("会社が見つかりません", CompanyWords.CompanyNotFound, session.Tenant.Options.DisplayName, session, Token(context), "/desk/companies", "会社の一覧へ"), StatusCodes.Status404NotFound);

    private Task AuditAsync(DeskSession session, AuditAction action, string companyId, HttpContext context, string? more = null) =>
        store.AppendAuditAsync(session.TenantId, session.Staff.Id, action, null, "company " + companyId + (more is null ? "" : " " + more), context.RequestAborted);

    private FormToken Token(HttpContext context) => requests.Token(context);

    private static string? Field(IFormCollection form, string name) => form[name].FirstOrDefault()?.Trim() is { Length: > 0 } value ? value : null;

    private static string? Cut(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
