using System.Globalization;
using System.Text.Json.Nodes;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Host.Channels.Line;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Channels.Line;

/// <summary>
/// A whole Japanese diagnosis over the LINE webhook with the real engine and a loopback LINE API: greeted on follow,
/// every answer a quick-reply tap, a side question midway, the result as a Flex bubble with the report button, all of it
/// through free replies; blocking the account then deletes what the person told the bot.
/// </summary>
public sealed class LineDiagnosisTests : IClassFixture<LineDiagnosisTests.RealHost>
{
    private const string SideQuestion = "パスワードは何文字以上にすればいいですか？";
    private readonly RealHost _host;

    public LineDiagnosisTests(RealHost host) => _host = host;

    public sealed class RealHost : IAsyncLifetime
    {
        public FakeLineApi Line { get; private set; } = null!;
        public HostFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Line = await FakeLineApi.StartAsync();
            Factory = new HostFactory(scripted: false, LineUser.Settings(Line));
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Line.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_LINE_friend_completes_a_diagnosis_with_a_side_question_and_is_forgotten_on_blocking()
    {
        var user = new LineUser(_host.Factory, _host.Line);
        var pushesBefore = Pushes();

        var welcome = await user.FollowAsync();
        Assert.Contains("テスト商工会議所のセキュリティ相談へようこそ。", LineUser.Texts(welcome));
        Assert.Contains("診断を始める", LineUser.QuickReplies(welcome));

        var replies = await user.SayAsync("診断を始める");
        bool askedSide = false;
        for (int step = 0; step < 80 && LineUser.Flex(replies) is null; step++)
        {
            int question = LineUser.QuestionNumber(replies);
            string[] taps = LineUser.QuickReplies(replies);
            AssertWithinLineLimits(replies);
            if (question >= 5 && !askedSide)
            {
                askedSide = true;
                var answer = await user.SayAsync(SideQuestion);
                Assert.Contains(LineUser.Texts(answer), t => t.StartsWith("出典", StringComparison.Ordinal) && t.Contains("https://", StringComparison.Ordinal));
                Assert.Contains(LineUser.Texts(answer), t => t.Contains("文字", StringComparison.Ordinal));
                Assert.Contains(LineUser.Texts(answer), t => t.Contains($"【{question}/", StringComparison.Ordinal));   // back at the same question
                replies = answer;
                continue;
            }
            Assert.NotEmpty(taps);
            replies = await user.SayAsync(taps[0]);
        }

        Assert.True(askedSide, "the run should include the side question");
        var flex = LineUser.Flex(replies);
        Assert.NotNull(flex);
        AssertWithinLineLimits(replies);
        Assert.InRange(((string)flex["altText"]!).Length, 1, 400);
        var bubble = flex["contents"]!.AsObject();
        Assert.Equal("bubble", (string?)bubble["type"]);
        Assert.Contains("診断", (string)bubble["header"]!["contents"]![0]!["text"]!, StringComparison.Ordinal);
        var button = bubble["footer"]!["contents"]![0]!["action"]!;
        Assert.Equal("報告書を見る・印刷する", (string?)button["label"]);
        Assert.Contains("/report/", (string)button["uri"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, m => (string?)m["type"] == "image");   // the test host is http; LINE takes pictures over https only
        Assert.Contains("くわしく", LineUser.QuickReplies(replies));

        // Every answer went out with the free reply token: nothing counted against the account's quota.
        Assert.Equal(pushesBefore, Pushes());
        Assert.All(_host.Line.Deliveries.Where(d => d.To == user.UserId), d => Assert.Equal("reply", d.Kind));

        var store = _host.Factory.Services.GetRequiredService<IConversationStore>();
        var (conversation, person) = KeysOf(user);
        Assert.NotNull(await store.LoadConversationAsync(conversation, CancellationToken.None));
        Assert.NotNull((await store.LoadUserAsync(person, CancellationToken.None))?.State.LastResult);

        Assert.Empty(await user.UnfollowAsync());
        Assert.Null(await store.LoadConversationAsync(conversation, CancellationToken.None));
        Assert.Null(await store.LoadUserAsync(person, CancellationToken.None));

        // Unblocked later: greeted as someone new, with no trace of the earlier result.
        var again = await user.FollowAsync();
        Assert.Contains("診断を始める", LineUser.QuickReplies(again));
        Assert.DoesNotContain(LineUser.Texts(again), t => t.Contains("前回", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_LINE_user_id_never_reaches_the_store_in_clear()
    {
        var user = new LineUser(_host.Factory, _host.Line);
        await user.FollowAsync();
        await user.SayAsync("診断を始める");

        var (conversation, _) = KeysOf(user);
        Assert.StartsWith("line-", conversation.ConversationId, StringComparison.Ordinal);
        Assert.DoesNotContain(user.UserId, conversation.ConversationId, StringComparison.Ordinal);
        var store = _host.Factory.Services.GetRequiredService<IConversationStore>();
        Assert.Null(await store.LoadConversationAsync(new ConversationKey("chamber", user.UserId), CancellationToken.None));
        Assert.NotNull(await store.LoadConversationAsync(conversation, CancellationToken.None));
    }

    private long Pushes() => _host.Factory.Services.GetRequiredService<LinePushCounter>().CountFor("chamber");

    private (ConversationKey Conversation, UserKey Person) KeysOf(LineUser user)
    {
        var tenant = _host.Factory.Services.GetRequiredService<Mamori.Host.Tenants.TenantCatalog>().Find("chamber")!;
        var work = new LineWork(tenant, new Mamori.Host.Channels.Line.Wire.LineEvent { Source = new() { Type = "user", UserId = user.UserId } }, DateTimeOffset.UtcNow, new Uri("http://localhost/"));
        return (work.Conversation, new UserKey("chamber", work.Pseudonym!));
    }

    private static void AssertWithinLineLimits(IReadOnlyList<JsonObject> messages)
    {
        Assert.InRange(messages.Count, 1, 5);
        foreach (var message in messages)
        {
            if ((string?)message["type"] == "text")
                Assert.InRange(((string)message["text"]!).Length, 1, 5000);
        }
        if (messages[^1]["quickReply"]?["items"] is JsonArray items)
        {
            Assert.InRange(items.Count, 1, 13);
            Assert.All(items, i => Assert.InRange(new StringInfo((string)i!["action"]!["label"]!).LengthInTextElements, 1, 20));
        }
    }
}
