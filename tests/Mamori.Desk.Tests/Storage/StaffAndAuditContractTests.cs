using Mamori.Desk.Audit;
using Mamori.Desk.Staff;
using Mamori.Tests.Postgres;
using static Mamori.Desk.Tests.Storage.DeskStores;

namespace Mamori.Desk.Tests.Storage;

/// <summary>Staff accounts (login unique per tenant) and the audit log (newest first, per tenant).</summary>
public sealed class StaffAndAuditContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task An_account_is_added_once_per_login_and_tenant_and_found_by_its_login(string kind)
    {
        var store = await _stores.CreateAsync(kind);

        var added = await store.AddStaffAsync(new NewStaff("tenant-a", "Sato", "佐藤 花子", StaffRole.Supervisor, "HASH"), None);

        var account = Assert.IsType<StaffAccount>(added.Account);
        Assert.Equal(("tenant-a", "Sato", "佐藤 花子", StaffRole.Supervisor, "HASH", _stores.Clock.GetUtcNow(), false),
            (account.TenantId, account.Login, account.DisplayName, account.Role, account.PasswordHash, account.CreatedAt, account.Disabled));
        Assert.Equal(22, account.Id.Length);
        Assert.True((await store.AddStaffAsync(new NewStaff("tenant-a", "ｓａｔｏ ", "別人", StaffRole.Staff, "H2"), None)).LoginTaken);
        Assert.False((await store.AddStaffAsync(new NewStaff("tenant-b", "sato", "別の会議所の佐藤", StaffRole.Staff, "H3"), None)).LoginTaken);

        Assert.Equal(account, await store.FindStaffByLoginAsync("tenant-a", "SATO", None));
        Assert.Equal(account, await store.GetStaffAsync("tenant-a", account.Id, None));
        Assert.Null(await store.GetStaffAsync("tenant-b", account.Id, None));
        Assert.Equal("別の会議所の佐藤", (await store.FindStaffByLoginAsync("tenant-b", "sato", None))!.DisplayName);
        Assert.Null(await store.FindStaffByLoginAsync("tenant-c", "sato", None));
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Accounts_list_by_login_and_are_disabled_and_given_new_hashes_within_their_tenant_only(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var suzuki = await AddStaffAsync(store, "tenant-a", "suzuki");
        var abe = await AddStaffAsync(store, "tenant-a", "abe");
        var other = await AddStaffAsync(store, "tenant-b", "kato");

        Assert.Equal(["abe", "suzuki"], (await store.ListStaffAsync("tenant-a", None)).Select(s => s.Login));

        Assert.True(await store.DisableStaffAsync("tenant-a", abe.Id, None));
        Assert.True(await store.SetPasswordHashAsync("tenant-a", suzuki.Id, "NEW-HASH", None));
        Assert.False(await store.DisableStaffAsync("tenant-a", other.Id, None));
        Assert.False(await store.SetPasswordHashAsync("tenant-a", other.Id, "STOLEN", None));

        Assert.True((await store.GetStaffAsync("tenant-a", abe.Id, None))!.Disabled);
        Assert.Equal("NEW-HASH", (await store.GetStaffAsync("tenant-a", suzuki.Id, None))!.PasswordHash);
        Assert.Equal((false, other.PasswordHash), ((await store.GetStaffAsync("tenant-b", other.Id, None))!.Disabled, (await store.GetStaffAsync("tenant-b", other.Id, None))!.PasswordHash));
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task The_audit_log_reads_newest_first_limited_and_per_tenant(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var opened = await store.AppendAuditAsync("tenant-a", null, AuditAction.Opened, "case-1", null, None);
        var taken = await store.AppendAuditAsync("tenant-a", "staff-1", AuditAction.Taken, "case-1", null, None);   // same tick
        await store.AppendAuditAsync("tenant-b", null, AuditAction.LoginFailed, null, "login sato", None);
        _stores.Clock.Advance(TimeSpan.FromMinutes(1));
        var handedBack = await store.AppendAuditAsync("tenant-a", "staff-1", AuditAction.HandedBack, "case-1", "outcome resolved", None);

        Assert.Equal([handedBack, taken, opened], await store.ReadAuditAsync("tenant-a", 10, None));
        Assert.Equal([handedBack, taken], await store.ReadAuditAsync("tenant-a", 2, None));
        Assert.Equal(new AuditEntry(_stores.Clock.GetUtcNow().AddMinutes(-1), "tenant-b", null, AuditAction.LoginFailed, null, "login sato"),
            Assert.Single(await store.ReadAuditAsync("tenant-b", 10, None)));
    }
}
