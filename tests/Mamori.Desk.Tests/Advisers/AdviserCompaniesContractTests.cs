using Mamori.Core.Domain;
using Mamori.Desk.Advisers;
using Mamori.Desk.Tests.Storage;
using Mamori.Tests.Postgres;
using static Mamori.Desk.Tests.Advisers.AdviserSamples;

namespace Mamori.Desk.Tests.Advisers;

/// <summary>An adviser's companies and their runs: kept per tenant, listed in order, erased with all their runs.</summary>
public sealed class AdviserCompaniesContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Theory, MemberData(nameof(DeskStores.Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task A_company_is_kept_with_its_consent_and_creator_and_listed_newest_first_in_its_tenant_only(string kind)
    {
        var store = await _stores.CreateAdvisersAsync(kind);
        var first = await store.AddAsync(Company("tenant-a", "山田製作所"), None);
        _stores.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await store.AddAsync(Company("tenant-a", "佐藤商店") with { ContactName = null, Memo = null }, None);
        var elsewhere = await store.AddAsync(Company("tenant-b", "よその会社"), None);

        Assert.Equal(22, first.Id.Length);
        Assert.Equal(("tenant-a", "山田製作所", "山田 太郎", "毎月第2火曜に訪問", ConsentedAt, "staff-1", _stores.Clock.GetUtcNow().AddMinutes(-5)),
            (first.TenantId, first.Name, first.ContactName, first.Memo, first.ConsentedAt, first.CreatedBy, first.CreatedAt));
        Assert.Equal(first, await store.GetAsync("tenant-a", first.Id, None));
        Assert.Equal([second, first], await store.ListAsync("tenant-a", None));
        Assert.Null((await store.GetAsync("tenant-a", second.Id, None))!.ContactName);

        Assert.Null(await store.GetAsync("tenant-b", first.Id, None));
        Assert.Null(await store.GetAsync("tenant-a", elsewhere.Id, None));
        Assert.Equal([elsewhere], await store.ListAsync("tenant-b", None));
        Assert.Empty(await store.ListAsync("tenant-c", None));
    }

    [Theory, MemberData(nameof(DeskStores.Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Runs_are_kept_under_their_company_oldest_first_with_answers_and_conclusions(string kind)
    {
        var store = await _stores.CreateAdvisersAsync(kind);
        var company = await store.AddAsync(Company("tenant-a"), None);

        var before = await store.AddDiagnosisAsync(Run("tenant-a", company.Id), None);
        _stores.Clock.Advance(TimeSpan.FromDays(90));
        var after = await store.AddDiagnosisAsync(Run("tenant-a", company.Id, budget: "low", barrier: null, step: null), None);

        Assert.NotNull(before);
        Assert.Equal((company.Id, Stage.Awareness, (int?)2, "staff-1", DeskStores.Start),
            (before.CompanyId, before.PrimaryBarrier, before.MaturityStep, before.RanBy, before.RanAt));
        var runs = await store.ListDiagnosesAsync("tenant-a", company.Id, None);
        Assert.Equal([before, after!], runs);
        Assert.Equal(("low", "年10万円くらい"), (runs[1].Answers.Get("inv_budget")!.Code, runs[1].Answers.Get("inv_budget")!.Raw));
        Assert.Equal((null, null), (runs[1].PrimaryBarrier, runs[1].MaturityStep));
    }

    [Theory, MemberData(nameof(DeskStores.Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Another_tenant_can_neither_run_read_nor_delete_a_company(string kind)
    {
        var store = await _stores.CreateAdvisersAsync(kind);
        var company = await store.AddAsync(Company("tenant-a"), None);
        await store.AddDiagnosisAsync(Run("tenant-a", company.Id), None);

        Assert.Null(await store.AddDiagnosisAsync(Run("tenant-b", company.Id), None));
        Assert.Null(await store.AddDiagnosisAsync(Run("tenant-a", "no-such-company"), None));
        Assert.Empty(await store.ListDiagnosesAsync("tenant-b", company.Id, None));
        Assert.False(await store.DeleteAsync("tenant-b", company.Id, None));

        Assert.NotNull(await store.GetAsync("tenant-a", company.Id, None));
        Assert.Single(await store.ListDiagnosesAsync("tenant-a", company.Id, None));
    }

    [Theory, MemberData(nameof(DeskStores.Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Deleting_a_company_erases_its_runs_and_leaves_the_others(string kind)
    {
        var store = await _stores.CreateAdvisersAsync(kind);
        var gone = await store.AddAsync(Company("tenant-a", "消す会社"), None);
        var kept = await store.AddAsync(Company("tenant-a", "残す会社"), None);
        await store.AddDiagnosisAsync(Run("tenant-a", gone.Id), None);
        var keptRun = await store.AddDiagnosisAsync(Run("tenant-a", kept.Id), None);

        Assert.True(await store.DeleteAsync("tenant-a", gone.Id, None));
        Assert.False(await store.DeleteAsync("tenant-a", gone.Id, None));

        Assert.Null(await store.GetAsync("tenant-a", gone.Id, None));
        Assert.Empty(await store.ListDiagnosesAsync("tenant-a", gone.Id, None));
        Assert.Null(await store.AddDiagnosisAsync(Run("tenant-a", gone.Id), None));
        Assert.Equal([kept], await store.ListAsync("tenant-a", None));
        Assert.Equal([keptRun!], await store.ListDiagnosesAsync("tenant-a", kept.Id, None));
    }
}
