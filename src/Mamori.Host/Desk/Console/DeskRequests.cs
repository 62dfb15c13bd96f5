using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Desk.Live;
using Mamori.Host.Tenants;
using Microsoft.AspNetCore.Antiforgery;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// What every console request needs before it acts: who is signed in (and that they are at the console now), a posted
/// form whose antiforgery token is valid, and the case if this staff member may see it.
/// </summary>
internal sealed class DeskRequests(IDeskStore store, TenantCatalog tenants, IAntiforgery antiforgery, DeskPresence presence)
{
    public async Task<DeskSession?> SessionAsync(HttpContext context)
    {
        var session = await DeskSession.ResolveAsync(context, store, tenants);
        if (session is not null)
            presence.Seen(session.TenantId);
        return session;
    }

    /// <summary>The posted form if it is one and carries a valid antiforgery token; null otherwise.</summary>
    public async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
            return null;
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or AntiforgeryValidationException)
        {
            return null;
        }
    }

    public FormToken Token(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    /// <summary>
    /// The case if this staff member may see it: any open case of their desk, an ended one they handled, and for a
    /// supervisor every case of the desk. Null otherwise — another desk's case is the same as no case.
    /// </summary>
    public async Task<DeskCase?> FindVisibleAsync(DeskSession session, string id, CancellationToken ct)
    {
        if (id.Length is 0 or > 100)
            return null;
        var found = await store.GetCaseAsync(session.TenantId, id, ct);
        if (found is null || found.TenantId != session.TenantId)
            return null;
        return session.IsSupervisor || found.IsOpen || found.TakenBy == session.Staff.Id ? found : null;
    }

    /// <summary>The desk's staff by id, for the names beside cases, messages and companies.</summary>
    public async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(DeskSession session, CancellationToken ct) =>
        (await store.ListStaffAsync(session.TenantId, ct)).ToDictionary(s => s.Id, s => s.DisplayName, StringComparer.Ordinal);

    /// <summary>Staff work waiting cases and their own; a supervisor any case of the desk.</summary>
    public static bool MayWork(DeskSession session, DeskCase c) =>
        session.IsSupervisor || c.State == CaseState.Waiting || c.TakenBy == session.Staff.Id;
}
