using Mamori.Desk.Storage;
using Mamori.Host.Tenants;

namespace Mamori.Host.Desk.Live;

/// <summary>How an owner who asks for a person can reach the desk right now.</summary>
public enum DeskReachMode
{
    /// <summary>No desk: neither console accounts nor a phone, email or page. Nothing is opened that nobody would see.</summary>
    None,
    /// <summary>A phone, email or page but nobody on the console: the owner gets a 受付番号 to give when calling.</summary>
    ContactOnly,
    /// <summary>Within hours with someone at the console: a person answers in this chat.</summary>
    Live,
    /// <summary>A console desk, but outside hours or nobody at it: the owner may leave how to be contacted.</summary>
    Away,
}

/// <summary>Decides <see cref="DeskReachMode"/> from the tenant's settings, its staff accounts, the hours and who is at the console.</summary>
internal sealed class DeskReach(IDeskStore store, DeskPresence presence, TimeProvider clock)
{
    /// <summary>Whether 「担当者と話したい」 opens a case at all (anything but <see cref="DeskReachMode.None"/>).</summary>
    public async Task<bool> ExistsAsync(Tenant tenant, CancellationToken ct) =>
        tenant.Options.SupportDesk.ContactLine() is not null || await StaffedAsync(tenant, ct);

    public async Task<DeskReachMode> NowAsync(Tenant tenant, CancellationToken ct)
    {
        var desk = tenant.Options.SupportDesk;
        if (!await StaffedAsync(tenant, ct))
            return desk.ContactLine() is null ? DeskReachMode.None : DeskReachMode.ContactOnly;
        bool inHours = desk.Hours is not { } hours || DeskHours.IsOpen(hours, clock.GetUtcNow());
        return inHours && presence.IsPresent(tenant.Id) ? DeskReachMode.Live : DeskReachMode.Away;
    }

    private async Task<bool> StaffedAsync(Tenant tenant, CancellationToken ct) =>
        (await store.ListStaffAsync(tenant.Id, ct)).Any(s => !s.Disabled);
}
