using Mamori.Desk.Advisers;
using Mamori.Desk.Storage;
using Mamori.Desk.Tests.Storage;
using Microsoft.Data.Sqlite;
using static Mamori.Desk.Tests.Advisers.AdviserSamples;

namespace Mamori.Desk.Tests.Advisers;

/// <summary>What only the SQLite file shows: companies and runs survive a restart, and they share the desk's file with its cases.</summary>
public sealed class SqliteAdviserCompaniesTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task A_restart_loses_no_company_and_no_run()
    {
        var path = _stores.PathOf("restart.db");
        AdviserCompany company;
        CompanyDiagnosis run;
        using (var before = new SqliteAdviserCompanies(path, _stores.Clock))
        {
            company = await before.AddAsync(Company("tenant-a"), None);
            run = (await before.AddDiagnosisAsync(Run("tenant-a", company.Id), None))!;
        }
        SqliteConnection.ClearAllPools();

        var after = _stores.OpenAdvisers(path);
        Assert.Equal(company, await after.GetAsync("tenant-a", company.Id, None));
        Assert.Equal([run], await after.ListDiagnosesAsync("tenant-a", company.Id, None));
        Assert.True(await after.DeleteAsync("tenant-a", company.Id, None));
    }

    [Fact]
    public async Task The_desks_file_holds_both_the_cases_and_the_companies()
    {
        var path = _stores.PathOf("desk.db");
        var desk = _stores.OpenSqlite(path);
        var advisers = _stores.OpenAdvisers(path);

        var company = await advisers.AddAsync(Company("tenant-a"), None);
        var opened = await desk.OpenCaseAsync(DeskStores.Request("tenant-a", "c1"), None);

        Assert.NotNull(await advisers.GetAsync("tenant-a", company.Id, None));
        Assert.NotNull(await desk.GetCaseAsync("tenant-a", opened.Case.Id, None));
    }
}
