using System.Text;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Storage;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine.Storage;

/// <summary>What every <see cref="IDirectLineStore"/> must do; each backend runs it by deriving from this class.</summary>
public abstract class DirectLineStoreContract
{
    private static readonly Uri Base = new("https://chat.example.jp/");

    private protected ManualClock Clock { get; } = new();

    /// <summary>A store on the backend; a second call opens the same data again, as a restarted host does.</summary>
    protected abstract IDirectLineStore Open();

    [Fact]
    public async Task A_new_conversation_is_stored_once_and_owes_its_start_turn()
    {
        var store = Open();
        var created = new NewDirectLineConversation(new ConversationKey("chamber", "c1"), "dl_user", Base, "directline", Clock.Now);
        Assert.True(await store.CreateAsync(created, default));
        Assert.False(await store.CreateAsync(created with { UserId = "dl_other" }, default));

        var loaded = (await Open().LoadAsync("c1", default))!;
        Assert.Equal(new ConversationKey("chamber", "c1"), loaded.Key);
        Assert.Equal("dl_user", loaded.UserId);
        Assert.Equal(Base, loaded.PublicBase);
        Assert.Empty(loaded.Transcript);
        Assert.True(Assert.Single(loaded.Inbox).IsStart);
        Assert.Equal(["c1"], await store.PendingAsync(default));
        Assert.Null(await store.LoadAsync("never-made", default));
    }

    [Fact]
    public async Task Activities_come_back_byte_for_byte_in_order_and_an_answer_takes_its_turn_off_the_inbox()
    {
        var store = Open();
        await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "c2"), "dl_u", Base, "directline", Clock.Now), default);
        byte[] greeting = Json("""{"type":"message","text":"こんにちは","futureField":{"kept":true}}""");
        await store.AppendAsync("c2", 0, [greeting], InboxTurn.StartTurn, default);
        byte[] echo = Json("""{"type":"message","text":"小売業です","channelData":{"clientActivityID":"x"}}""");
        await store.AcceptAsync("c2", 1, echo, 120, new InboxTurn(1, "dl_u", "小売業です", "directline"), default);
        await store.AcceptAsync("c2", 2, Json("""{"type":"event","name":"webchat/join"}"""), 180, null, default);

        var waiting = (await Open().LoadAsync("c2", default))!;
        Assert.Equal(180, waiting.PostedBytes);
        Assert.Equal(greeting, waiting.Transcript[0]);
        Assert.Equal(echo, waiting.Transcript[1]);
        var turn = Assert.Single(waiting.Inbox);
        Assert.Equal(new InboxTurn(1, "dl_u", "小売業です", "directline"), turn);

        await store.AppendAsync("c2", 3, [Json("""{"type":"message","text":"従業員は何名ですか？"}"""), Json("""{"type":"message","text":"2"}""")], 1, default);
        var answered = (await Open().LoadAsync("c2", default))!;
        Assert.Equal(5, answered.Transcript.Count);
        Assert.Empty(answered.Inbox);
        Assert.Empty(await store.PendingAsync(default));
    }

    [Fact]
    public async Task Pending_lists_the_conversations_with_unanswered_turns_oldest_first()
    {
        var store = Open();
        foreach (var id in new[] { "late", "early", "done" })
        {
            await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", id), "dl_u", Base, "directline", Clock.Now), default);
            await store.AppendAsync(id, 0, [Json("""{"type":"message"}""")], InboxTurn.StartTurn, default);
        }
        Clock.Now += TimeSpan.FromSeconds(1);
        await store.AcceptAsync("early", 1, Json("{}"), 2, new InboxTurn(1, "dl_u", "はい", "directline"), default);
        Clock.Now += TimeSpan.FromSeconds(1);
        await store.AcceptAsync("late", 1, Json("{}"), 2, new InboxTurn(1, "dl_u", "いいえ", "directline"), default);

        Assert.Equal(["early", "late"], await Open().PendingAsync(default));
    }

    [Fact]
    public async Task The_idle_sweep_deletes_untouched_conversations_with_their_transcript_and_keeps_touched_ones()
    {
        var store = Open();
        foreach (var id in new[] { "idle", "read" })
        {
            await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", id), "dl_u", Base, "directline", Clock.Now), default);
            await store.AcceptAsync(id, 0, Json("{}"), 2, new InboxTurn(0, "dl_u", "はい", "directline"), default);
        }
        Clock.Now += TimeSpan.FromHours(5);
        await store.TouchAsync("read", Clock.Now, default);
        Clock.Now += TimeSpan.FromHours(2);

        Assert.Equal(1, await store.DeleteIdleAsync(Clock.Now - TimeSpan.FromHours(6), default));
        Assert.Null(await store.LoadAsync("idle", default));
        Assert.NotNull(await store.LoadAsync("read", default));
        Assert.Equal(["read"], await store.PendingAsync(default));
        // Recreating the id starts from nothing: no activity of the deleted conversation is left behind.
        await store.CreateAsync(new NewDirectLineConversation(new ConversationKey("default", "idle"), "dl_u", Base, "directline", Clock.Now), default);
        Assert.Empty((await store.LoadAsync("idle", default))!.Transcript);
    }

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}

public sealed class SqliteDirectLineStoreTests : DirectLineStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-dlstore-").FullName;
    private readonly List<SqliteDirectLineStore> _opened = [];

    protected override IDirectLineStore Open()
    {
        var store = new SqliteDirectLineStore(Path.Combine(_folder, "directline.db"), Clock);
        _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened)
            store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
