using System.Security.Claims;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Mamori.Host.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// The signed-in staff member as the store knows them now: the cookie names the tenant and the staff id, and every
/// request reads the account again, so a disabled account or a changed role counts at once, not after eight hours.
/// </summary>
internal sealed record DeskSession(Tenant Tenant, StaffAccount Staff)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string TenantClaim = "mamori:tenant";

    public string TenantId => Tenant.Id;

    public bool IsSupervisor => Staff.Role == StaffRole.Supervisor;

    public static ClaimsPrincipal Principal(StaffAccount staff) => new(new ClaimsIdentity(
        [
            new Claim(TenantClaim, staff.TenantId),
            new Claim(ClaimTypes.NameIdentifier, staff.Id),
            new Claim(ClaimTypes.Name, staff.DisplayName),
            new Claim(ClaimTypes.Role, staff.Role.ToString()),
        ],
        Scheme));

    /// <summary>The session of this request, or null (not signed in, or the account is gone or disabled: then signed out).</summary>
    public static async Task<DeskSession?> ResolveAsync(HttpContext context, IDeskStore store, TenantCatalog tenants)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
            return null;
        string? tenantId = user.FindFirstValue(TenantClaim);
        string? staffId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (tenants.Find(tenantId) is { } tenant && staffId is not null
            && await store.GetStaffAsync(tenant.Id, staffId, context.RequestAborted) is { Disabled: false } staff)
            return new DeskSession(tenant, staff);
        await context.SignOutAsync(Scheme);
        return null;
    }
}
