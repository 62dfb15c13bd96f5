using System.Text;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Storage;
using Mamori.Host.Storage.Postgres;
using Mamori.Storage.Postgres.Notices;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Channels.DirectLine.Storage;

/// <summary>What every <see cref="IDirectLineStore"/> must do, on the embedded file and on PostgreSQL.</summary>
/// <remarks>The PostgreSQL leg gets a fresh database per test, migrated as the host does at start.</remarks>
public sealed class DirectLineStoreContractTests : IAsyncLifetime
{
    private static readonly Uri Base = new("https://chat.example.jp/");

    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-dlstore-").FullName;
    private readonly List<IDisposable> _opened = [];
    private readonly InstancesOnOneDatabase _postgres = new(PostgresDirectLineStore.Migrations);

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A store on the backend; a second call opens the same data again, as a restarted host or another instance does.</summary>
    private async Task<IDirectLineStore> OpenAsync(string kind)
    {
        if (kind == "sqlite")
        {
            var file = new SqliteDirectLineStore(Path.Combine(_folder, "directline.db"), Clock);
            _opened.Add(file);
            return file;
        }
        // Each store stands for a host of its own, so it has its own notices (a host never hears itself).
        var database = await _postgres.HostAsync();
        return new PostgresDirectLineStore(database, new PostgresNotices(database, Clock), Clock);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
            store.Dispose();
        Directory.Delete(_folder, recursive: true);
        await _postgres.DisposeAsync();
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task A_new_conversation_is_stored_once_and_owes_its_start_turn(string kind)
    {
        var store = await OpenAsync(kind);
        var created = new NewDirectLineConversation(new ConversationKey("chamber", "c1"), "dl_user", Base, "directline", Clock.GetUtcNow());
        Assert.True(await store.CreateAsync(created, default));
        Assert.False(await store.CreateAsync(created with { UserId = "dl_other" }, default));

        var loaded = (await (await OpenAsync(kind)).LoadAsync("c1", default))!;
        Assert.Equal(new ConversationKey("chamber", "c1"), loaded.Key);
        Assert.Equal("dl_user", loaded.UserId);
        Assert.Equal(Base, loaded.PublicBase);
        Assert.Empty(loaded.Transcript);
        Assert.True(Assert.Single(loaded.Inbox).IsStart);
        Assert.Equal(["c1"], await store.PendingAsync(default));
        Assert.Null(await store.LoadAsync("never-made", default));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task Activities_come_back_byte_for_byte_in_order_and_an_answer_takes_its_turn_off_the_inbox(string kind)
    {
        var store = await OpenAsync(kind);
        await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c2"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        byte[] greeting = Json("""{"type":"message","text":"こんにちは","futureField":{"kept":true}}""");
        await store.AppendAsync("c2", 0, [greeting], InboxTurn.StartTurn, default);
        byte[] echo = Json("""{"type":"message","text":"小売業です","channelData":{"clientActivityID":"x"}}""");
        await store.AcceptAsync("c2", 1, echo, 120, new InboxTurn(1, "dl_u", "小売業です", "directline"), default);
        await store.AcceptAsync("c2", 2, Json("""{"type":"event","name":"webchat/join"}"""), 180, null, default);

        var waiting = (await (await OpenAsync(kind)).LoadAsync("c2", default))!;
        Assert.Equal(180, waiting.PostedBytes);
        Assert.Equal(greeting, waiting.Transcript[0]);
        Assert.Equal(echo, waiting.Transcript[1]);
        var turn = Assert.Single(waiting.Inbox);
        Assert.Equal(new InboxTurn(1, "dl_u", "小売業です", "directline"), turn);

        await store.AppendAsync("c2", 3, [Json("""{"type":"message","text":"従業員は何名ですか？"}"""), Json("""{"type":"message","text":"2"}""")], 1, default);
        var answered = (await (await OpenAsync(kind)).LoadAsync("c2", default))!;
        Assert.Equal(5, answered.Transcript.Count);
        Assert.Empty(answered.Inbox);
        Assert.Empty(await store.PendingAsync(default));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task Pending_lists_the_conversations_with_unanswered_turns_oldest_first(string kind)
    {
        var store = await OpenAsync(kind);
        foreach (var id in new[] { "late", "early", "done" })
        {
            await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", id), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
            await store.AppendAsync(id, 0, [Json("""{"type":"message"}""")], InboxTurn.StartTurn, default);
        }
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.AcceptAsync("early", 1, Json("{}"), 2, new InboxTurn(1, "dl_u", "はい", "directline"), default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.AcceptAsync("late", 1, Json("{}"), 2, new InboxTurn(1, "dl_u", "いいえ", "directline"), default);

        Assert.Equal(["early", "late"], await (await OpenAsync(kind)).PendingAsync(default));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task The_idle_sweep_deletes_untouched_conversations_with_their_transcript_and_keeps_touched_ones(string kind)
    {
        var store = await OpenAsync(kind);
        foreach (var id in new[] { "idle", "read" })
        {
            await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", id), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
            await store.AcceptAsync(id, 0, Json("{}"), 2, new InboxTurn(0, "dl_u", "はい", "directline"), default);
        }
        Clock.Advance(TimeSpan.FromHours(5));
        await store.TouchAsync("read", Clock.GetUtcNow(), default);
        Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await store.DeleteIdleAsync(Clock.GetUtcNow() - TimeSpan.FromHours(6), default));
        Assert.Null(await store.LoadAsync("idle", default));
        Assert.NotNull(await store.LoadAsync("read", default));
        Assert.Equal(["read"], await store.PendingAsync(default));
        // Recreating the id starts from nothing: no activity of the deleted conversation is left behind.
        await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "idle"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        Assert.Empty((await store.LoadAsync("idle", default))!.Transcript);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task Reading_since_an_index_gives_the_newer_activities_with_the_inbox_and_total_as_they_are_now(string kind)
    {
        var store = await OpenAsync(kind);
        await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c3"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        await store.AppendAsync("c3", 0, [Json("""{"type":"message","text":"業種を教えてください"}""")], InboxTurn.StartTurn, default);
        await store.AcceptAsync("c3", 1, Json("""{"type":"message","text":"飲食店"}"""), 90, new InboxTurn(1, "dl_u", "飲食店", "directline"), default);

        var tail = (await (await OpenAsync(kind)).ReadSinceAsync("c3", 1, default))!;
        Assert.Equal(Json("""{"type":"message","text":"飲食店"}"""), Assert.Single(tail.Activities));
        Assert.Equal(90, tail.PostedBytes);
        Assert.Equal(1, Assert.Single(tail.Inbox).EchoIndex);
        Assert.Empty((await store.ReadSinceAsync("c3", 2, default))!.Activities);
        Assert.Null(await store.ReadSinceAsync("never-made", 0, default));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task A_second_writer_of_an_index_gets_a_conflict_and_nothing_of_its_write_is_stored(string kind)
    {
        var first = await OpenAsync(kind);
        await first.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c4"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        await first.AppendAsync("c4", 0, [Json("""{"text":"A"}""")], InboxTurn.StartTurn, default);

        var second = await OpenAsync(kind);
        await Assert.ThrowsAsync<TranscriptConflictException>(() =>
            second.AppendAsync("c4", 0, [Json("""{"text":"B"}"""), Json("""{"text":"B2"}""")], null, default));
        await Assert.ThrowsAsync<TranscriptConflictException>(() =>
            second.AcceptAsync("c4", 0, Json("""{"text":"echo"}"""), 500, new InboxTurn(0, "dl_u", "はい", "directline"), default));

        var stored = (await first.LoadAsync("c4", default))!;
        Assert.Equal([Json("""{"text":"A"}""")], stored.Transcript);
        Assert.Equal(0, stored.PostedBytes);
        Assert.Empty(stored.Inbox);
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task The_lease_is_given_up_only_with_an_empty_inbox(string kind)
    {
        var store = await OpenAsync(kind);
        await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c5"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        Assert.True(await store.TryLeaseAsync("c5", Clock.GetUtcNow() + TimeSpan.FromSeconds(30), default));
        Assert.Empty(await store.PendingAsync(default));   // a live host answers it

        Assert.False(await store.TryReleaseLeaseAsync("c5", default));   // the greeting is still owed
        await store.AppendAsync("c5", 0, [Json("{}")], InboxTurn.StartTurn, default);
        Assert.True(await store.TryReleaseLeaseAsync("c5", default));
    }

    [PostgresFact]
    public async Task Another_host_cannot_take_a_live_lease_but_takes_an_expired_one_and_answers_what_was_left()
    {
        var a = await OpenAsync("postgres");
        var b = await OpenAsync("postgres");
        await a.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c6"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        Assert.True(await a.TryLeaseAsync("c6", Clock.GetUtcNow() + TimeSpan.FromSeconds(30), default));

        Assert.False(await b.TryLeaseAsync("c6", Clock.GetUtcNow() + TimeSpan.FromSeconds(30), default));
        Assert.True(await b.TryReleaseLeaseAsync("c6", default));   // b holds nothing to give up
        Assert.Empty(await b.PendingAsync(default));

        Clock.Advance(TimeSpan.FromSeconds(31));   // host a was killed and stopped renewing
        Assert.Equal(["c6"], await b.PendingAsync(default));
        Assert.True(await b.TryLeaseAsync("c6", Clock.GetUtcNow() + TimeSpan.FromSeconds(30), default));
        Assert.False(await a.TryLeaseAsync("c6", Clock.GetUtcNow() + TimeSpan.FromSeconds(30), default));
    }

    [Fact]
    public async Task On_the_embedded_file_a_restarted_host_answers_at_once_because_no_lease_outlives_its_host()
    {
        var before = await OpenAsync("sqlite");
        await before.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c7"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        Assert.True(await before.TryLeaseAsync("c7", Clock.GetUtcNow() + TimeSpan.FromSeconds(30), default));

        Assert.Equal(["c7"], await (await OpenAsync("sqlite")).PendingAsync(default));
        await using var changes = (await OpenAsync("sqlite")).WatchAsync(default).GetAsyncEnumerator();
        Assert.False(await changes.MoveNextAsync());   // no other host can write the file
    }

    [PostgresFact]
    public async Task A_host_hears_of_the_other_hosts_writes_and_not_of_its_own()
    {
        var a = await OpenAsync("postgres");
        var b = await OpenAsync("postgres");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var heard = b.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await heard.MoveNextAsync());
        Assert.Null(heard.Current.ConversationId);   // listening from now: look at everything once

        await a.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c8"), "dl_u", Base, "directline", Clock.GetUtcNow()), default);
        await b.AppendAsync("c8", 0, [Json("{}")], InboxTurn.StartTurn, default);   // b's own write: not reported to b
        await a.AcceptAsync("c8", 1, Json("{}"), 2, new InboxTurn(1, "dl_u", "はい", "directline"), default);

        Assert.True(await heard.MoveNextAsync());
        Assert.Equal("c8", heard.Current.ConversationId);
    }

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
