using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Microsoft.Data.Sqlite;
using static Mamori.Desk.Tests.Storage.DeskStores;

namespace Mamori.Desk.Tests.Storage;

/// <summary>What only the SQLite file shows: nothing is lost when the process restarts, and two instances share one file safely.</summary>
public sealed class SqliteDeskStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task A_restart_with_a_case_open_loses_nothing()
    {
        var path = _stores.PathOf("restart.db");
        string caseId, staffId;
        var snapshot = new CaseSnapshot(null, [new ProfileAnswer("業種", "製造業")], [new TranscriptLine(TranscriptRole.Owner, "担当者と話したい", DateTimeOffset.UnixEpoch)]);
        using (var before = new SqliteDeskStore(path, _stores.Clock))
        {
            var opened = await before.OpenCaseAsync(Request("tenant-a", "c1") with { Snapshot = snapshot }, None);
            caseId = opened.Case.Id;
            staffId = (await AddStaffAsync(before, "tenant-a", "sato")).Id;
            await before.TakeAsync("tenant-a", caseId, staffId, 1, None);
            await before.SetContactAsync("tenant-a", caseId, new ContactPreference(ContactMethod.Email, "owner@example.jp", DateTimeOffset.UnixEpoch), 2, None);
            await before.AppendMessageAsync("tenant-a", caseId, MessageSender.Staff, staffId, "お待たせしました", None);
            await before.AppendAuditAsync("tenant-a", staffId, AuditAction.Taken, caseId, null, None);
        }
        SqliteConnection.ClearAllPools();

        var after = _stores.OpenSqlite(path);
        var read = await after.GetCaseAsync("tenant-a", caseId, None);
        Assert.Equal((CaseState.Taken, staffId, 3L), (read!.State, read.TakenBy, read.Version));
        Assert.Equal("owner@example.jp", read.Contact!.Contact);
        Assert.Equal(snapshot.Answers, read.Snapshot.Answers);
        Assert.Equal(snapshot.Transcript, read.Snapshot.Transcript);
        Assert.Equal(caseId, (await after.FindOpenCaseAsync(read.Conversation, None))!.Id);
        Assert.Equal("sato", (await after.GetStaffAsync("tenant-a", staffId, None))!.Login);
        Assert.Equal(AuditAction.Taken, Assert.Single(await after.ReadAuditAsync("tenant-a", 10, None)).Action);
        Assert.Equal("お待たせしました", Assert.Single(await after.ReadMessagesAsync("tenant-a", caseId, 0, 10, None)).Text);
        Assert.Equal(2, (await after.AppendMessageAsync("tenant-a", caseId, MessageSender.Owner, null, "はい", None))!.Sequence);
    }

    [Fact]
    public async Task Two_instances_on_one_file_keep_one_open_case_per_conversation_and_one_numbering()
    {
        var path = _stores.PathOf("shared.db");
        var one = _stores.OpenSqlite(path);
        var two = _stores.OpenSqlite(path);

        var first = await one.OpenCaseAsync(Request("tenant-a", "c1"), None);
        var second = await two.OpenCaseAsync(Request("tenant-a", "c1"), None);
        Assert.Equal((true, false, first.Case.Id), (first.Created, second.Created, second.Case.Id));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            (i % 2 == 0 ? one : two).AppendMessageAsync("tenant-a", first.Case.Id, MessageSender.Owner, null, $"{i}", None))));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), (await one.ReadMessagesAsync("tenant-a", first.Case.Id, 0, 100, None)).Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_snapshot_that_is_not_json_names_the_row_and_the_file()
    {
        var path = _stores.PathOf("broken.db");
        var store = _stores.OpenSqlite(path);
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE desk_case SET snapshot = 'not json'";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetCaseAsync("tenant-a", id, None));
        Assert.Contains($"tenant-a/{id}", error.Message);
        Assert.Contains(path, error.Message);
    }
}
