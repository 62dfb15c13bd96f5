using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Desk;
using Mamori.Tests.Postgres;
using Npgsql;
using static Mamori.Desk.Tests.Advisers.AdviserSamples;
using static Mamori.Desk.Tests.Storage.DeskStores;

namespace Mamori.Desk.Tests.Storage;

/// <summary>
/// Two host instances on one database: each store on a data source of its own, as two processes have, so nothing is
/// shared between them but PostgreSQL.
/// </summary>
public sealed class PostgresDeskStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [PostgresFact]
    public async Task A_case_opened_on_one_instance_is_worked_on_the_other_and_a_stale_change_conflicts()
    {
        var (a, b) = await TwoDesksAsync();
        var opened = (await a.OpenCaseAsync(Request("tenant-a", "conv-1"), None)).Case;
        var sato = await AddStaffAsync(b, "tenant-a", "sato");

        Assert.Equal(Comparable(opened), Comparable((await b.GetCaseAsync("tenant-a", opened.Id, None))!));
        Assert.Equal([Comparable(opened)], (await b.ListCasesAsync("tenant-a", [CaseState.Waiting], None)).Select(Comparable));
        Assert.Equal(sato, await a.FindStaffByLoginAsync("tenant-a", "SATO", None));
        Assert.True((await a.AddStaffAsync(new("tenant-a", "ｓａｔｏ ", "別の佐藤さん", StaffRole.Staff, "hash"), None)).LoginTaken);

        var taken = await b.TakeAsync("tenant-a", opened.Id, sato.Id, 1, None);
        Assert.True(taken.Succeeded);
        var stale = await a.CancelAsync("tenant-a", opened.Id, 1, None);   // a still holds version 1
        Assert.Equal((CaseChangeStatus.VersionConflict, Comparable(taken.Case!)), (stale.Status, Comparable(stale.Case!)));

        var asked = (await a.AppendMessageAsync("tenant-a", opened.Id, MessageSender.Owner, null, "補助金のことを聞きたい", None))!;
        var answered = (await b.AppendMessageAsync("tenant-a", opened.Id, MessageSender.Staff, sato.Id, "佐藤です。どうぞ", None))!;
        Assert.Equal([asked, answered], await a.ReadMessagesAsync("tenant-a", opened.Id, 0, 100, None));
        Assert.Equal(Comparable(taken.Case!), Comparable((await a.FindCurrentCaseAsync(opened.Conversation, None))!));
    }

    [PostgresFact]
    public async Task Messages_appended_at_once_on_two_instances_are_numbered_without_a_gap_or_a_repeat()
    {
        var (a, b) = await TwoDesksAsync();
        var id = (await a.OpenCaseAsync(Request("tenant-a", "conv-1"), None)).Case.Id;
        const int count = 60;

        var written = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).AppendMessageAsync("tenant-a", id, MessageSender.Owner, null, $"メッセージ{i}", None))));

        var numbers = Enumerable.Range(1, count).Select(n => (long)n);
        Assert.Equal(numbers, written.Select(m => m!.Sequence).Order());
        var read = await b.ReadMessagesAsync("tenant-a", id, 0, 1000, None);
        Assert.Equal(numbers, read.Select(m => m.Sequence));
        Assert.Equal(written.OrderBy(m => m!.Sequence), read);
    }

    [PostgresFact]
    public async Task Requests_from_one_conversation_at_once_on_two_instances_open_one_case()
    {
        var (a, b) = await TwoDesksAsync();

        var openings = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).OpenCaseAsync(Request("tenant-a", "conv-1"), None))));

        var created = Assert.Single(openings, o => o.Created).Case;
        Assert.All(openings, o => Assert.Equal(created.Id, o.Case.Id));
        Assert.Equal([created.Id], (await b.ListCasesAsync("tenant-a", [CaseState.Waiting, CaseState.Taken], None)).Select(c => c.Id));
    }

    [PostgresFact]
    public async Task Times_are_kept_to_the_microsecond_and_handed_out_as_they_read_back()
    {
        var (a, b) = await TwoDesksAsync();
        _stores.Clock.Advance(TimeSpan.FromTicks(1_234_567));   // 123.4567 ms: the last tick is below what timestamptz keeps
        var opened = (await a.OpenCaseAsync(Request("tenant-a", "conv-1"), None)).Case;
        var consent = new ContactPreference(ContactMethod.Chat, null, new DateTimeOffset(2026, 4, 1, 18, 0, 0, TimeSpan.FromHours(9)).AddTicks(15));

        var left = await a.SetContactAsync("tenant-a", opened.Id, consent, 1, None);

        Assert.Equal(DeskStores.Start.AddTicks(1_234_560), opened.OpenedAt);
        Assert.Equal(consent.ConsentedAt.AddTicks(-5), left.Case!.Contact!.ConsentedAt);
        Assert.Equal(Comparable(left.Case), Comparable((await b.GetCaseAsync("tenant-a", opened.Id, None))!));
    }

    [PostgresFact]
    public async Task A_company_added_on_one_instance_is_run_on_the_other_and_erased_for_both()
    {
        var (a, b) = await TwoAdviserStoresAsync();
        var company = await a.AddAsync(Company("tenant-a"), None);

        var run = await b.AddDiagnosisAsync(Run("tenant-a", company.Id), None);
        Assert.Equal([run!], await a.ListDiagnosesAsync("tenant-a", company.Id, None));
        Assert.True(await b.DeleteAsync("tenant-a", company.Id, None));

        Assert.Null(await a.GetAsync("tenant-a", company.Id, None));
        Assert.Empty(await a.ListDiagnosesAsync("tenant-a", company.Id, None));
        Assert.Null(await a.AddDiagnosisAsync(Run("tenant-a", company.Id), None));
    }

    // The snapshot's lists compare by reference; the round trip of the snapshot itself is the contract's to check.
    private static DeskCase Comparable(DeskCase c) => c with { Snapshot = CaseSnapshot.Empty };

    private async Task<(PostgresDeskStore, PostgresDeskStore)> TwoDesksAsync()
    {
        var (first, second) = await TwoSourcesAsync(PostgresDeskStore.Migrations);
        return (new(first, _stores.Clock), new(second, _stores.Clock));
    }

    private async Task<(PostgresAdviserCompanies, PostgresAdviserCompanies)> TwoAdviserStoresAsync()
    {
        var (first, second) = await TwoSourcesAsync(PostgresAdviserCompanies.Migrations);
        return (new(first, _stores.Clock), new(second, _stores.Clock));
    }

    /// <summary>A fresh database, migrated, and two data sources on it: two connection pools, as two hosts have.</summary>
    private async Task<(NpgsqlDataSource, NpgsqlDataSource)> TwoSourcesAsync(MigrationHistory migrations)
    {
        var database = await _stores.CreateDatabaseAsync(migrations);
        return (_stores.SourceOn(database), _stores.SourceOn(database));
    }
}
