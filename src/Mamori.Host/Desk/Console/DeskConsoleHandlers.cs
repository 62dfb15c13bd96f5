using System.Globalization;
using Mamori.Core.Evidence;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Mamori.Host.Desk.Live;
using Mamori.Host.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using static Mamori.Host.Desk.Console.DeskConsoleEndpoints;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// What each console address does. Every failure is a Japanese page with a 4xx status: a case of another tenant is
/// the same 404 as an id that never existed, a stale version shows the fresh sheet (409), and nothing a browser can send
/// ends in a 500.
/// </summary>
internal sealed class DeskConsoleHandlers(
    IDeskStore store, TenantCatalog tenants, StaffPasswords passwords, DeskLoginLimiter limiter, ILoginLockouts lockouts,
    DeskRequests requests, CaseWork work, EvidenceRecorder evidence, TimeProvider clock, IOptions<DeskConsoleOptions> options,
    ILogger<DeskConsoleHandlers> log)
{
    private static readonly CaseState[] OpenStates = [CaseState.Waiting, CaseState.Taken];
    private static readonly CaseState[] EndedStates = [CaseState.Closed, CaseState.Cancelled];

    public async Task<IResult> LoginPageAsync(HttpContext context)
    {
        string tenantId = context.Request.Query["tenant"].FirstOrDefault() is { Length: > 0 } t ? t : TenantsOptions.DefaultTenantId;
        if (tenants.Find(tenantId) is not { } tenant)
            return Page(DeskPages.Message("窓口が見つかりません", "このアドレスの窓口はありません。アドレスをご確認ください。", null, null, null, "/desk/login", "ログインのページへ"), StatusCodes.Status404NotFound);
        if (await requests.SessionAsync(context) is not null)
            return TypedResults.Redirect("/desk");
        return Page(DeskPages.Login(tenant.Id, tenant.Options.DisplayName, null, null, requests.Token(context)), StatusCodes.Status200OK);
    }

    public async Task<IResult> LoginAsync(HttpContext context)
    {
        var form = await requests.ReadFormAsync(context);
        string tenantId = form?["tenant"].FirstOrDefault() is { Length: > 0 } t ? t : TenantsOptions.DefaultTenantId;
        var tenant = tenants.Find(tenantId);
        string tenantName = tenant?.Options.DisplayName ?? tenants.Default.Options.DisplayName;
        if (form is null)
            return Page(DeskPages.Message("もう一度お試しください", DeskWords.FormExpired, tenantName, null, null, LoginPath(tenantId), "ログインのページへ"), StatusCodes.Status400BadRequest);

        string login = (form["login"].FirstOrDefault() ?? "").Trim();
        string password = form["password"].FirstOrDefault() ?? "";
        string shownLogin = login.Length > 200 ? login[..200] : login;
        if (login.Length == 0 || password.Length == 0)
            return Page(DeskPages.Login(tenant?.Id ?? tenantId, tenantName, shownLogin, DeskWords.LoginMissing, requests.Token(context)), StatusCodes.Status400BadRequest);
        string loginKey = StaffAccount.LoginKey(shownLogin);
        if (!limiter.TryAttempt(tenant?.Id ?? tenantId, loginKey))
        {
            context.Response.Headers.RetryAfter = "60";
            return Page(DeskPages.Message("しばらくお待ちください", DeskWords.LoginTooMany, tenantName, null, null, LoginPath(tenantId), "ログインのページへ"), StatusCodes.Status429TooManyRequests);
        }

        // A locked login is refused before its password is checked, so guessing on during the lock learns nothing.
        string lockKey = (tenant?.Id ?? tenantId) + "\n" + loginKey;
        if (await lockouts.LockedForAsync(lockKey, context.RequestAborted) is { } locked)
            return Locked(context, tenantId, tenantName, locked);

        var account = tenant is null || login.Length > 200 ? null : await store.FindStaffByLoginAsync(tenant.Id, login, context.RequestAborted);
        var verdict = password.Length > StaffPasswords.MaximumLength ? PasswordVerificationResult.Failed : passwords.Verify(account, password);
        if (tenant is null || account is null || verdict == PasswordVerificationResult.Failed)
        {
            var lockStarted = await lockouts.FailedAsync(lockKey, context.RequestAborted);
            if (tenant is not null)
            {
                await store.AppendAuditAsync(tenant.Id, account?.Id, AuditAction.LoginFailed, null, "login " + Shorten(loginKey, 64), context.RequestAborted);
                if (lockStarted is { } started)
                {
                    await store.AppendAuditAsync(tenant.Id, account?.Id, AuditAction.LoginLocked, null,
                        $"login {Shorten(loginKey, 64)} for {Math.Ceiling(started.TotalMinutes)} min", context.RequestAborted);
                    DeskConsoleLog.LoginLocked(log, tenant.Id, (int)Math.Ceiling(started.TotalMinutes));
                }
            }
            if (lockStarted is { } lockNow)
                return Locked(context, tenantId, tenantName, lockNow);
            return Page(DeskPages.Login(tenant?.Id ?? TenantsOptions.DefaultTenantId, tenantName, shownLogin, DeskWords.LoginFailed, requests.Token(context)), StatusCodes.Status401Unauthorized);
        }
        await lockouts.SucceededAsync(lockKey, context.RequestAborted);

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded && passwords.TryHash(account.Login, password, out var hash, out _))
            await store.SetPasswordHashAsync(tenant.Id, account.Id, hash, context.RequestAborted);
        await context.SignInAsync(DeskSession.Scheme, DeskSession.Principal(account), new AuthenticationProperties { AllowRefresh = true });
        await store.AppendAuditAsync(tenant.Id, account.Id, AuditAction.Login, null, null, context.RequestAborted);
        return TypedResults.Redirect("/desk");
    }

    private static IResult Locked(HttpContext context, string tenantId, string tenantName, TimeSpan left)
    {
        int minutes = (int)Math.Ceiling(left.TotalMinutes);
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Page(DeskPages.Message("しばらくお待ちください", DeskWords.LoginLocked(minutes), tenantName, null, null, LoginPath(tenantId), "ログインのページへ"),
            StatusCodes.Status429TooManyRequests);
    }

    public async Task<IResult> LogoutAsync(HttpContext context)
    {
        var session = await requests.SessionAsync(context);
        if (await requests.ReadFormAsync(context) is null)
            return Page(DeskPages.Message("もう一度お試しください", DeskWords.FormExpired, session?.Tenant.Options.DisplayName, null, null, "/desk", "相談の一覧へ"), StatusCodes.Status400BadRequest);
        await context.SignOutAsync(DeskSession.Scheme);
        return TypedResults.Redirect(LoginPath(session?.TenantId ?? TenantsOptions.DefaultTenantId));
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Redirect("/desk/login");
        var ct = context.RequestAborted;
        var open = await store.ListCasesAsync(session.TenantId, OpenStates, ct);
        var names = await requests.StaffNamesAsync(session, ct);
        string? typed = context.Request.Query["ref"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(typed))
        {
            string shown = typed.Length > 20 ? typed[..20] : typed;
            if (CaseReference.Normalize(typed) is not { } reference)
                return Page(DeskPages.CaseList(session, new CaseListView([], [], null, shown, [], DeskWords.BadReference), names, clock.GetUtcNow(), requests.Token(context)), StatusCodes.Status400BadRequest);
            var matches = open.Where(c => CaseReference.Of(c.Id) == reference).ToList();
            return Page(DeskPages.CaseList(session, new CaseListView([], [], null, reference, matches, null), names, clock.GetUtcNow(), requests.Token(context)), StatusCodes.Status200OK);
        }

        IReadOnlyList<DeskCase>? closed = null;
        if (session.IsSupervisor)
        {
            var ended = await store.ListCasesAsync(session.TenantId, EndedStates, ct);
            closed = ended.OrderByDescending(c => c.ClosedAt ?? c.OpenedAt).Take(options.Value.RecentClosedShown).ToList();
        }
        var view = new CaseListView(
            open.Where(c => c.State == CaseState.Waiting).ToList(), open.Where(c => c.State == CaseState.Taken).ToList(), closed, null, null, null);
        return Page(DeskPages.CaseList(session, view, names, clock.GetUtcNow(), requests.Token(context)), StatusCodes.Status200OK);
    }

    public async Task<IResult> SheetAsync(HttpContext context, string id)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Redirect("/desk/login");
        var found = await requests.FindVisibleAsync(session, id, context.RequestAborted);
        if (found is null)
            return CaseNotFound(context, session);
        await store.AppendAuditAsync(session.TenantId, session.Staff.Id, AuditAction.Viewed, found.Id, null, context.RequestAborted);
        string? doneCode = context.Request.Query["done"].FirstOrDefault();
        return await SheetPageAsync(context, session, found, DeskWords.Done(doneCode), problem: doneCode == "undelivered", StatusCodes.Status200OK);
    }

    public async Task<IResult> ActAsync(HttpContext context, string id, string action)
    {
        var session = await requests.SessionAsync(context);
        if (session is null)
            return Page(DeskPages.Message("ログインしてください", DeskWords.NotSignedIn, null, null, null, "/desk/login", "ログインのページへ"), StatusCodes.Status401Unauthorized);
        if (action is not ("take" or "transfer" or "close" or "send"))
            return await NotFoundAsync(context);
        var ct = context.RequestAborted;
        var form = await requests.ReadFormAsync(context);
        if (form is null)
            return Page(DeskPages.Message("もう一度お試しください", DeskWords.FormExpired, session.Tenant.Options.DisplayName, session, requests.Token(context), "/desk", "相談の一覧へ"), StatusCodes.Status400BadRequest);
        var current = await requests.FindVisibleAsync(session, id, ct);
        if (current is null)
            return CaseNotFound(context, session);
        // A chat message changes no state, so it names no version: a contact left meanwhile must not refuse the reply.
        if (action == "send")
            return await SendAsync(context, session, current, form);
        if (!long.TryParse(form["version"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out long version) || version < 1)
            return await SheetPageAsync(context, session, current, DeskWords.BadVersion, problem: true, StatusCodes.Status400BadRequest);
        if (version != current.Version)
            return await SheetPageAsync(context, session, current, DeskWords.Conflict, problem: true, StatusCodes.Status409Conflict);
        if (action != "take" && !DeskRequests.MayWork(session, current))
            return await SheetPageAsync(context, session, current, DeskWords.NotYours, problem: true, StatusCodes.Status403Forbidden);

        CaseChange change;
        string? detail = null;
        AuditAction audit;
        switch (action)
        {
            case "take":
                change = await store.TakeAsync(session.TenantId, current.Id, session.Staff.Id, version, ct);
                audit = AuditAction.Taken;
                break;
            case "transfer":
                string? to = form["to"].FirstOrDefault();
                if (string.IsNullOrEmpty(to) || to.Length > 100 || await store.GetStaffAsync(session.TenantId, to, ct) is not { Disabled: false } colleague)
                    return await SheetPageAsync(context, session, current, DeskWords.NoColleague, problem: true, StatusCodes.Status400BadRequest);
                change = await store.TransferAsync(session.TenantId, current.Id, colleague.Id, version, ct);
                audit = AuditAction.Transferred;
                detail = "to " + colleague.Id;
                break;
            default:
                string? value = form["outcome"].FirstOrDefault();
                var outcome = DeskWords.Outcomes.FirstOrDefault(o => o.Value == value);
                if (value is null || outcome.Value is null)
                    return await SheetPageAsync(context, session, current, DeskWords.NoOutcome, problem: true, StatusCodes.Status400BadRequest);
                string? notes = form["notes"].FirstOrDefault()?.Trim();
                if (notes is { Length: > DeskWords.NotesMaxLength })
                    return await SheetPageAsync(context, session, current, DeskWords.NotesTooLong, problem: true, StatusCodes.Status400BadRequest);
                change = await store.CloseAsync(session.TenantId, current.Id, outcome.Outcome, string.IsNullOrEmpty(notes) ? null : notes, version, ct);
                audit = AuditAction.Closed;
                detail = "outcome " + outcome.Value;
                break;
        }

        switch (change.Status)
        {
            case CaseChangeStatus.Changed:
                await store.AppendAuditAsync(session.TenantId, session.Staff.Id, audit, current.Id, detail, ct);
                if (audit == AuditAction.Closed)
                    await evidence.FollowedAsync(current.Conversation, FollowUpKind.CaseClosed, ct, detail: form["outcome"].ToString());
                await TellAsync(session, action, current, change.Case!, form, ct);
                string done = action switch { "take" => "taken", "transfer" => "transferred", _ => "closed" };
                return TypedResults.Redirect($"/desk/cases/{Uri.EscapeDataString(current.Id)}?done={done}");
            case CaseChangeStatus.VersionConflict:
            case CaseChangeStatus.NotAllowed:
                var fresh = await store.GetCaseAsync(session.TenantId, current.Id, ct) ?? current;
                string notice = change.Status == CaseChangeStatus.VersionConflict ? DeskWords.Conflict : DeskWords.NotAllowed;
                return await SheetPageAsync(context, session, fresh, notice, problem: true, StatusCodes.Status409Conflict);
            default:
                return CaseNotFound(context, session);
        }
    }

    /// <summary>The owner and the case chat hear of the change; the case's route is read from before it (closing erases it).</summary>
    private async Task TellAsync(DeskSession session, string action, DeskCase before, DeskCase after, IFormCollection form, CancellationToken ct)
    {
        switch (action)
        {
            case "take":
                await work.TakenAsync(session.Tenant, after, session.Staff, ct);
                break;
            case "transfer" when await store.GetStaffAsync(session.TenantId, after.TakenBy!, ct) is { } colleague:
                await work.TransferredAsync(session.Tenant, after, colleague, ct);
                break;
            case "close":
                await work.HandedBackAsync(after, before.Route, session.Staff, ct);
                break;
        }
    }

    /// <summary>A chat message to the owner: typed, or one of the desk's canned replies; a sheet with the reason otherwise.</summary>
    private async Task<IResult> SendAsync(HttpContext context, DeskSession session, DeskCase current, IFormCollection form)
    {
        string text = (form["text"].FirstOrDefault() ?? "").Trim();
        if (text.Length == 0 && DeskWords.Canned(form["canned"].FirstOrDefault()) is { } canned)
            text = canned;
        bool mine = current.State == CaseState.Taken && current.TakenBy == session.Staff.Id;
        string? problem = !mine ? (current.State == CaseState.Waiting ? DeskWords.SendNotYours : DeskWords.NotYours)
            : current.Route is null ? DeskWords.SendNoChat
            : text.Length == 0 ? DeskWords.SendEmpty
            : text.Length > DeskWords.MessageMaxLength ? DeskWords.SendTooLong
            : null;
        bool wantsJson = context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.Ordinal) == true);
        if (problem is not null)
        {
            int status = mine || current.State == CaseState.Waiting ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
            return wantsJson
                ? TypedResults.Json(new { error = problem }, statusCode: status)
                : await SheetPageAsync(context, session, current, problem, problem: true, status);
        }

        var (message, delivered) = await work.SendAsync(session.Tenant, current, session.Staff, text, context.RequestAborted);
        if (wantsJson)
            return TypedResults.Json(new { sequence = message?.Sequence, delivered });
        return TypedResults.Redirect($"/desk/cases/{Uri.EscapeDataString(current.Id)}?done={(delivered ? "sent" : "undelivered")}#chat");
    }

    public async Task<IResult> NotFoundAsync(HttpContext context)
    {
        var session = await requests.SessionAsync(context);
        return Page(DeskPages.Message("見つかりません", DeskWords.PageNotFound, session?.Tenant.Options.DisplayName, session, session is null ? null : requests.Token(context), "/desk", "相談の一覧へ"), StatusCodes.Status404NotFound);
    }

    private async Task<IResult> SheetPageAsync(HttpContext context, DeskSession session, DeskCase c, string? notice, bool problem, int status)
    {
        var staff = await store.ListStaffAsync(session.TenantId, context.RequestAborted);
        var names = staff.ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);
        bool mine = DeskRequests.MayWork(session, c);
        var view = new CaseSheetView(
            c, staff.Where(s => !s.Disabled).ToList(),
            CanTake: c.State == CaseState.Waiting,
            CanTransfer: c.State == CaseState.Taken && mine,
            CanClose: c.State == CaseState.Taken && mine,
            notice, problem,
            await store.ReadMessagesAsync(session.TenantId, c.Id, 0, DeskLiveHandlers.MessagesPerRead, context.RequestAborted),
            CanSend: c is { State: CaseState.Taken, Route: not null } && c.TakenBy == session.Staff.Id);
        return Page(DeskPages.Sheet(session, view, names, requests.Token(context)), status);
    }

    private IResult CaseNotFound(HttpContext context, DeskSession session) =>
        Page(DeskPages.Message("相談が見つかりません", DeskWords.CaseNotFound, session.Tenant.Options.DisplayName, session, requests.Token(context), "/desk", "相談の一覧へ"), StatusCodes.Status404NotFound);

    private static string LoginPath(string tenantId) =>
        tenantId == TenantsOptions.DefaultTenantId ? "/desk/login" : "/desk/login?tenant=" + Uri.EscapeDataString(tenantId);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
