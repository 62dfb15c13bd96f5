using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Tests.Postgres;
using Microsoft.Data.Sqlite;
using static Mamori.Desk.Tests.Storage.DeskStores;

namespace Mamori.Desk.Tests.Storage;

/// <summary>What the live chat needs of the store: the owner's route while a case is open, one rating question, the waits.</summary>
public sealed class LiveChatContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task The_route_and_the_contact_text_are_kept_while_open_and_forgotten_when_the_case_ends(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var closing = (await store.OpenCaseAsync(Request("tenant-a", "c1") with { Route = "{\"serviceUrl\":\"https://smba.example/\"}" }, None)).Case;
        var cancelling = (await store.OpenCaseAsync(Request("tenant-a", "c2") with { Route = "U-line-id" }, None)).Case;
        await store.SetContactAsync("tenant-a", closing.Id, new ContactPreference(ContactMethod.Phone, "03-1234-5678", _stores.Clock.GetUtcNow()), 1, None);
        await store.TakeAsync("tenant-a", closing.Id, sato.Id, 2, None);

        Assert.Equal("{\"serviceUrl\":\"https://smba.example/\"}", (await store.GetCaseAsync("tenant-a", closing.Id, None))!.Route);
        Assert.Equal("U-line-id", (await store.FindOpenCaseAsync(cancelling.Conversation, None))!.Route);

        await store.CloseAsync("tenant-a", closing.Id, CaseOutcome.Resolved, null, 3, None);
        await store.CancelAsync("tenant-a", cancelling.Id, 1, None);

        var closed = await store.GetCaseAsync("tenant-a", closing.Id, None);
        Assert.Null(closed!.Route);
        Assert.Equal((ContactMethod.Phone, (string?)null), (closed.Contact!.Method, closed.Contact.Contact));
        Assert.Null((await store.GetCaseAsync("tenant-a", cancelling.Id, None))!.Route);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Closing_asks_for_one_rating_which_is_answered_or_declined_once_and_then_the_case_is_no_longer_current(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var rated = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case;
        var declined = (await store.OpenCaseAsync(Request("tenant-a", "c2"), None)).Case;
        var cancelled = (await store.OpenCaseAsync(Request("tenant-a", "c3"), None)).Case;
        var byPhoneOnly = (await store.OpenCaseAsync(Request("tenant-a", "c4") with { Route = null }, None)).Case;
        Assert.Equal(rated.Id, (await store.FindCurrentCaseAsync(rated.Conversation, None))!.Id);   // open: current too
        foreach (var c in new[] { rated, declined, byPhoneOnly })
        {
            await store.TakeAsync("tenant-a", c.Id, sato.Id, 1, None);
            await store.CloseAsync("tenant-a", c.Id, CaseOutcome.Resolved, null, 2, None);
        }
        await store.CancelAsync("tenant-a", cancelled.Id, 1, None);

        Assert.Equal(rated.Id, (await store.FindCurrentCaseAsync(rated.Conversation, None))!.Id);
        Assert.Null(await store.FindCurrentCaseAsync(cancelled.Conversation, None));   // the owner ended it: nothing to rate
        Assert.Null(await store.FindCurrentCaseAsync(byPhoneOnly.Conversation, None)); // no chat to ask in
        Assert.Null(await store.FindCurrentCaseAsync(new ConversationKey("tenant-b", "c1"), None));

        Assert.True((await store.SetSatisfactionAsync("tenant-a", rated.Id, 4, 3, None)).Succeeded);
        Assert.True((await store.DeclineRatingAsync("tenant-a", declined.Id, 3, None)).Succeeded);

        Assert.Null(await store.FindCurrentCaseAsync(rated.Conversation, None));
        Assert.Null(await store.FindCurrentCaseAsync(declined.Conversation, None));
        Assert.Equal(CaseChangeStatus.NotAllowed, (await store.SetSatisfactionAsync("tenant-a", rated.Id, 1, 4, None)).Status);
        Assert.Equal(CaseChangeStatus.NotAllowed, (await store.SetSatisfactionAsync("tenant-a", declined.Id, 5, 4, None)).Status);
        Assert.Equal(4, (await store.GetCaseAsync("tenant-a", rated.Id, None))!.Satisfaction);
        Assert.Null((await store.GetCaseAsync("tenant-a", declined.Id, None))!.Satisfaction);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Recent_waits_are_the_tenants_latest_taken_cases_newest_first(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        foreach (int minutes in new[] { 3, 7, 12 })
        {
            var c = (await store.OpenCaseAsync(Request("tenant-a", $"c{minutes}"), None)).Case;
            _stores.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await store.TakeAsync("tenant-a", c.Id, sato.Id, 1, None);
        }
        await store.OpenCaseAsync(Request("tenant-a", "still-waiting"), None);
        await store.OpenCaseAsync(Request("tenant-b", "elsewhere"), None);

        Assert.Equal([TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(7)], await store.RecentWaitsAsync("tenant-a", 2, None));
        Assert.Empty(await store.RecentWaitsAsync("tenant-b", 5, None));
    }

    [Fact]
    public async Task A_file_written_before_the_live_chat_opens_with_its_cases_intact()
    {
        string path = _stores.PathOf("old-desk.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE desk_case (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant TEXT NOT NULL, id TEXT NOT NULL, conversation TEXT NOT NULL, owner_user TEXT NOT NULL, channel TEXT NOT NULL,
                    state TEXT NOT NULL, opened_at TEXT NOT NULL, reason TEXT NOT NULL, snapshot TEXT NOT NULL,
                    taken_by TEXT, taken_at TEXT, closed_at TEXT, outcome TEXT, notes TEXT, satisfaction INTEGER,
                    contact_method TEXT, contact TEXT, contact_at TEXT,
                    version INTEGER NOT NULL);
                INSERT INTO desk_case (tenant, id, conversation, owner_user, channel, state, opened_at, reason, snapshot, version)
                VALUES ('tenant-a', 'old-case', 'conv-old', 'u', 'directline', 'waiting', '2026-11-30T01:00:00.0000000+00:00',
                        '担当者と話したい', '{"answers":[],"transcript":[]}', 1);
                """;
            create.ExecuteNonQuery();
        }

        var store = _stores.OpenSqlite(path);

        var kept = await store.FindOpenCaseAsync(new ConversationKey("tenant-a", "conv-old"), None);
        Assert.Equal(("old-case", CaseState.Waiting, (string?)null, false), (kept!.Id, kept.State, kept.Route, kept.RatingAsked));
        Assert.True((await store.OpenCaseAsync(Request("tenant-a", "conv-new") with { Route = "r" }, None)).Created);
        Assert.Equal("r", (await store.FindOpenCaseAsync(new ConversationKey("tenant-a", "conv-new"), None))!.Route);
    }
}
