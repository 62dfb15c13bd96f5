using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Tests.Postgres;
using static Mamori.Desk.Tests.Storage.DeskStores;

namespace Mamori.Desk.Tests.Storage;

/// <summary>The desk store's contract for cases: opening, the queue, the state machine under optimistic concurrency.</summary>
public sealed class CaseContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task An_opened_case_waits_with_an_unguessable_id_and_keeps_its_snapshot(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var snapshot = new CaseSnapshot(
            new CaseDiagnosis("あなたの会社の壁は「予算」です。", "investment", 2, ["IT導入補助金: まず要件を確認", "SECURITY ACTION 一つ星"]),
            [new ProfileAnswer("業種", "飲食業"), new ProfileAnswer("従業員数", "12人くらい")],
            [new TranscriptLine(TranscriptRole.Bot, "従業員は何人ですか？", _stores.Clock.GetUtcNow().AddMinutes(-2)),
             new TranscriptLine(TranscriptRole.Owner, "12人くらい", _stores.Clock.GetUtcNow().AddMinutes(-1))]);
        var request = new NewCase(new ConversationKey("tenant-a", "conv-1"), "u-1", "msteams", "補助金のことを人に聞きたい", snapshot);

        var opening = await store.OpenCaseAsync(request, None);

        Assert.True(opening.Created);
        var opened = opening.Case;
        Assert.Equal(22, opened.Id.Length);   // 16 random bytes, base64url
        Assert.Matches("^[A-Za-z0-9_-]+$", opened.Id);
        Assert.NotEqual(opened.Id, (await store.OpenCaseAsync(Request("tenant-a", "conv-2"), None)).Case.Id);
        Assert.Equal((CaseState.Waiting, 1L, _stores.Clock.GetUtcNow()), (opened.State, opened.Version, opened.OpenedAt));

        var read = await store.GetCaseAsync("tenant-a", opened.Id, None);
        Assert.NotNull(read);
        Assert.Equal(("tenant-a", "conv-1", "u-1", "msteams", "補助金のことを人に聞きたい"),
            (read.TenantId, read.Conversation.ConversationId, read.OwnerUserId, read.Channel, read.Reason));
        Assert.Equal(snapshot.Diagnosis! with { Measures = [] }, read.Snapshot.Diagnosis! with { Measures = [] });
        Assert.Equal(snapshot.Diagnosis.Measures, read.Snapshot.Diagnosis.Measures);
        Assert.Equal(snapshot.Answers, read.Snapshot.Answers);
        Assert.Equal(snapshot.Transcript, read.Snapshot.Transcript);
        Assert.Null(read.TakenBy);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task A_conversation_has_one_open_case_at_a_time(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var first = (await store.OpenCaseAsync(Request("tenant-a", "conv-1"), None)).Case;

        var again = await store.OpenCaseAsync(Request("tenant-a", "conv-1", "まだですか？"), None);
        Assert.False(again.Created);
        Assert.Equal(first.Id, again.Case.Id);
        Assert.Equal(first.Id, (await store.FindOpenCaseAsync(first.Conversation, None))!.Id);
        Assert.True((await store.OpenCaseAsync(Request("tenant-b", "conv-1"), None)).Created);   // same conversation id, other tenant

        Assert.True((await store.CancelAsync("tenant-a", first.Id, 1, None)).Succeeded);
        Assert.Null(await store.FindOpenCaseAsync(first.Conversation, None));
        var next = await store.OpenCaseAsync(Request("tenant-a", "conv-1"), None);
        Assert.True(next.Created);
        Assert.NotEqual(first.Id, next.Case.Id);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Parallel_requests_from_one_conversation_open_one_case(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var openings = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.OpenCaseAsync(Request("tenant-a", "conv-1"), None))));

        Assert.Single(openings, o => o.Created);
        Assert.Single(openings.Select(o => o.Case.Id).Distinct());
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Cases_list_by_state_oldest_first_and_the_queue_counts_who_waits_ahead(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var staff = await AddStaffAsync(store, "tenant-a", "sato");
        var ids = new List<string>();
        foreach (var conversation in new[] { "c1", "c2", "c3", "c4" })
        {
            ids.Add((await store.OpenCaseAsync(Request("tenant-a", conversation), None)).Case.Id);
            _stores.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await store.OpenCaseAsync(Request("tenant-b", "c0"), None);
        Assert.True((await store.TakeAsync("tenant-a", ids[1], staff.Id, 1, None)).Succeeded);

        Assert.Equal([ids[0], ids[2], ids[3]], (await store.ListCasesAsync("tenant-a", [CaseState.Waiting], None)).Select(c => c.Id));
        Assert.Equal(ids, (await store.ListCasesAsync("tenant-a", [CaseState.Taken, CaseState.Waiting], None)).Select(c => c.Id));
        Assert.Empty(await store.ListCasesAsync("tenant-a", [CaseState.Closed], None));
        Assert.Empty(await store.ListCasesAsync("tenant-a", [], None));

        Assert.Equal(0, await store.CountWaitingBeforeAsync("tenant-a", ids[0], None));
        Assert.Equal(1, await store.CountWaitingBeforeAsync("tenant-a", ids[2], None));   // ids[1] is taken, not waiting
        Assert.Equal(2, await store.CountWaitingBeforeAsync("tenant-a", ids[3], None));
        Assert.Null(await store.CountWaitingBeforeAsync("tenant-a", "no-such-case", None));
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task A_case_walks_waiting_taken_transferred_closed_rated_with_its_times(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var kato = await AddStaffAsync(store, "tenant-a", "kato", StaffRole.Supervisor);
        var opened = (await store.OpenCaseAsync(Request("tenant-a", "conv-1"), None)).Case;

        _stores.Clock.Advance(TimeSpan.FromMinutes(3));
        var takenAt = _stores.Clock.GetUtcNow();
        var taken = await store.TakeAsync("tenant-a", opened.Id, sato.Id, 1, None);
        Assert.Equal(CaseChangeStatus.Changed, taken.Status);
        Assert.Equal((CaseState.Taken, sato.Id, takenAt, 2L), (taken.Case!.State, taken.Case.TakenBy, taken.Case.TakenAt, taken.Case.Version));

        _stores.Clock.Advance(TimeSpan.FromMinutes(1));
        var movedAt = _stores.Clock.GetUtcNow();
        var moved = await store.TransferAsync("tenant-a", opened.Id, kato.Id, 2, None);
        Assert.Equal((CaseState.Taken, kato.Id, movedAt, 3L), (moved.Case!.State, moved.Case.TakenBy, moved.Case.TakenAt, moved.Case.Version));

        _stores.Clock.Advance(TimeSpan.FromMinutes(10));
        var closedAt = _stores.Clock.GetUtcNow();
        var closed = await store.CloseAsync("tenant-a", opened.Id, CaseOutcome.Referred, "よろず支援拠点を紹介", 3, None);
        Assert.True(closed.Succeeded);
        var rated = await store.SetSatisfactionAsync("tenant-a", opened.Id, 5, 4, None);
        Assert.True(rated.Succeeded);

        var stored = await store.GetCaseAsync("tenant-a", opened.Id, None);
        Assert.Equal(rated.Case, stored! with { Snapshot = rated.Case!.Snapshot });
        Assert.Equal((CaseState.Closed, CaseOutcome.Referred, "よろず支援拠点を紹介", closedAt, 5, 5L),
            (stored!.State, stored.Outcome, stored.Notes, stored.ClosedAt, stored.Satisfaction, stored.Version));
        Assert.False(stored.IsOpen);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task The_owner_cancels_while_waiting_or_while_a_person_has_the_case(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var waiting = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case;
        var taken = (await store.OpenCaseAsync(Request("tenant-a", "c2"), None)).Case;
        await store.TakeAsync("tenant-a", taken.Id, sato.Id, 1, None);

        var first = await store.CancelAsync("tenant-a", waiting.Id, 1, None);
        var second = await store.CancelAsync("tenant-a", taken.Id, 2, None);

        Assert.Equal((CaseState.Cancelled, _stores.Clock.GetUtcNow()), (first.Case!.State, first.Case.ClosedAt!.Value));
        Assert.Equal(CaseState.Cancelled, second.Case!.State);
        Assert.Equal(sato.Id, second.Case.TakenBy);   // who had it stays on the record
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Changes_that_do_not_fit_the_case_are_refused_with_a_reason_and_change_nothing(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var gone = await AddStaffAsync(store, "tenant-a", "gone");
        await store.DisableStaffAsync("tenant-a", gone.Id, None);
        var elsewhere = await AddStaffAsync(store, "tenant-b", "other");
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;

        await AssertRefused(store.CloseAsync("tenant-a", id, CaseOutcome.Resolved, null, 1, None), "not Taken");
        await AssertRefused(store.TransferAsync("tenant-a", id, sato.Id, 1, None), "not Taken");
        await AssertRefused(store.SetSatisfactionAsync("tenant-a", id, 4, 1, None), "after the desk closes it");
        await AssertRefused(store.TakeAsync("tenant-a", id, gone.Id, 1, None), "disabled");
        await AssertRefused(store.TakeAsync("tenant-a", id, elsewhere.Id, 1, None), "no such staff");
        await AssertRefused(store.TakeAsync("tenant-a", id, "nobody", 1, None), "no such staff");
        await AssertRefused(store.SetContactAsync("tenant-a", id, new ContactPreference(ContactMethod.Phone, " ", _stores.Clock.GetUtcNow()), 1, None), "needs the number");
        await AssertRefused(store.SetContactAsync("tenant-a", id, new ContactPreference(ContactMethod.Chat, "x@example.jp", _stores.Clock.GetUtcNow()), 1, None), "takes no contact");
        Assert.Equal(1, (await store.GetCaseAsync("tenant-a", id, None))!.Version);

        Assert.True((await store.TakeAsync("tenant-a", id, sato.Id, 1, None)).Succeeded);
        await AssertRefused(store.TakeAsync("tenant-a", id, sato.Id, 2, None), "cannot be taken");
        await AssertRefused(store.TransferAsync("tenant-a", id, sato.Id, 2, None), "already with");
        await AssertRefused(store.TransferAsync("tenant-a", id, elsewhere.Id, 2, None), "no such staff");
        Assert.True((await store.CloseAsync("tenant-a", id, CaseOutcome.Resolved, null, 2, None)).Succeeded);
        await AssertRefused(store.CancelAsync("tenant-a", id, 3, None), "nothing to cancel");
        await AssertRefused(store.SetSatisfactionAsync("tenant-a", id, 6, 3, None), "1-5");
        await AssertRefused(store.SetSatisfactionAsync("tenant-a", id, 0, 3, None), "1-5");
        await AssertRefused(store.SetContactAsync("tenant-a", id, new ContactPreference(ContactMethod.Email, "x@example.jp", _stores.Clock.GetUtcNow()), 3, None), "has ended");
        Assert.Equal((CaseState.Closed, 3L), ((await store.GetCaseAsync("tenant-a", id, None))!.State, (await store.GetCaseAsync("tenant-a", id, None))!.Version));
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task The_owner_leaves_a_contact_with_the_time_of_consent(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;
        _stores.Clock.Advance(TimeSpan.FromSeconds(30));
        var consent = _stores.Clock.GetUtcNow();

        var left = await store.SetContactAsync("tenant-a", id, new ContactPreference(ContactMethod.Phone, "03-1234-5678", consent), 1, None);

        Assert.True(left.Succeeded, left.Refusal);
        Assert.Equal(new ContactPreference(ContactMethod.Phone, "03-1234-5678", consent), (await store.GetCaseAsync("tenant-a", id, None))!.Contact);
        var chat = await store.SetContactAsync("tenant-a", id, new ContactPreference(ContactMethod.Chat, null, consent), 2, None);
        Assert.Equal(new ContactPreference(ContactMethod.Chat, null, consent), chat.Case!.Contact);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task A_change_naming_a_stale_version_is_a_conflict_that_returns_the_case_as_it_is(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var kato = await AddStaffAsync(store, "tenant-a", "kato");
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;
        Assert.True((await store.TakeAsync("tenant-a", id, sato.Id, 1, None)).Succeeded);

        var late = await store.TakeAsync("tenant-a", id, kato.Id, 1, None);

        Assert.Equal(CaseChangeStatus.VersionConflict, late.Status);
        Assert.Equal((sato.Id, 2L), (late.Case!.TakenBy, late.Case.Version));
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Of_staff_taking_one_case_at_once_exactly_one_gets_it(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var staff = new List<StaffAccount>();
        for (var i = 0; i < 8; i++)
            staff.Add(await AddStaffAsync(store, "tenant-a", $"staff{i}"));
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;

        var attempts = await Task.WhenAll(staff.Select(s => Task.Run(() => store.TakeAsync("tenant-a", id, s.Id, 1, None))));

        var winner = Assert.Single(attempts, a => a.Succeeded);
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Equal(CaseChangeStatus.VersionConflict, a.Status));
        Assert.Equal(winner.Case!.TakenBy, (await store.GetCaseAsync("tenant-a", id, None))!.TakenBy);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Another_tenants_case_is_not_found_by_id_or_otherwise(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var theirs = (await store.OpenCaseAsync(Request("tenant-b", "c1"), None)).Case;
        var ours = await AddStaffAsync(store, "tenant-a", "sato");

        Assert.Null(await store.GetCaseAsync("tenant-a", theirs.Id, None));
        Assert.Empty(await store.ListCasesAsync("tenant-a", Enum.GetValues<CaseState>(), None));
        Assert.Null(await store.FindOpenCaseAsync(new ConversationKey("tenant-a", "c1"), None));
        Assert.Null(await store.CountWaitingBeforeAsync("tenant-a", theirs.Id, None));
        Assert.Equal(CaseChangeStatus.NotFound, (await store.TakeAsync("tenant-a", theirs.Id, ours.Id, 1, None)).Status);
        Assert.Equal(CaseChangeStatus.NotFound, (await store.TransferAsync("tenant-a", theirs.Id, ours.Id, 1, None)).Status);
        Assert.Equal(CaseChangeStatus.NotFound, (await store.CloseAsync("tenant-a", theirs.Id, CaseOutcome.Other, null, 1, None)).Status);
        Assert.Equal(CaseChangeStatus.NotFound, (await store.CancelAsync("tenant-a", theirs.Id, 1, None)).Status);
        Assert.Equal(CaseChangeStatus.NotFound, (await store.SetSatisfactionAsync("tenant-a", theirs.Id, 3, 1, None)).Status);
        Assert.Equal(CaseChangeStatus.NotFound,
            (await store.SetContactAsync("tenant-a", theirs.Id, new ContactPreference(ContactMethod.None, null, DateTimeOffset.UnixEpoch), 1, None)).Status);

        var untouched = await store.GetCaseAsync("tenant-b", theirs.Id, None);
        Assert.Equal((CaseState.Waiting, 1L), (untouched!.State, untouched.Version));
    }

    private static async Task AssertRefused(Task<CaseChange> change, string reason)
    {
        var result = await change;
        Assert.Equal(CaseChangeStatus.NotAllowed, result.Status);
        Assert.NotNull(result.Case);
        Assert.Contains(reason, result.Refusal);
    }
}
