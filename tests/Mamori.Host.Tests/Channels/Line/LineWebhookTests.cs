using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mamori.Host.Channels.Line;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Channels.Line;

/// <summary>
/// The webhook as LINE and as an attacker would call it: signatures, bad bodies, redeliveries, standby, events the bot
/// does not serve; and the way back: an expired reply token falls back to one counted push, LINE's trouble is retried,
/// a used-up quota is not, and the loading animation shows while the bot is slow.
/// </summary>
public sealed class LineWebhookTests : IClassFixture<LineWebhookTests.ScriptedLineHost>
{
    private readonly ScriptedLineHost _host;

    public LineWebhookTests(ScriptedLineHost host) => _host = host;

    public sealed class ScriptedLineHost : IAsyncLifetime
    {
        public FakeLineApi Line { get; private set; } = null!;
        public HostFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Line = await FakeLineApi.StartAsync();
            var settings = LineUser.Settings(Line);
            settings["Channels:Line:LoadingDelay"] = "00:00:00.300";
            Factory = new HostFactory(scripted: true, settings);
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Line.DisposeAsync();
        }
    }

    private LineUser NewUser() => new(_host.Factory, _host.Line);

    [Fact]
    public async Task A_text_message_is_answered_with_the_reply_token_and_its_buttons_as_quick_replies()
    {
        var user = NewUser();
        var welcome = await user.FollowAsync();
        Assert.Equal(["はい", "いいえ"], LineUser.QuickReplies(welcome));

        var answer = await user.SayAsync("はい");
        Assert.Equal(["受け取りました：はい"], LineUser.Texts(answer));
        Assert.Equal("reply", _host.Line.Deliveries.Last(d => d.To == user.UserId).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bm90IHRoZSByaWdodCBzaWduYXR1cmUgYXQgYWxsIQ==")]
    [InlineData("not base64 at all")]
    public async Task A_missing_or_wrong_signature_is_refused_before_anything_is_read(string? signature)
    {
        var user = NewUser();
        int before = _host.Line.Attempts;
        var body = LineUser.Bytes(LineUser.Webhook(Text(user, "はい")));
        var request = new HttpRequestMessage(HttpMethod.Post, "api/line/chamber") { Content = new ByteArrayContent(body) };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("x-line-signature", signature);
        using var response = await _host.Factory.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("x-line-signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await user.AnsweredAsync();
        Assert.Equal(before, _host.Line.Attempts);
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_or_changed_after_signing_is_refused()
    {
        var user = NewUser();
        var body = LineUser.Bytes(LineUser.Webhook(Text(user, "はい")));
        using var otherSecret = await user.PostRawAsync(body, LineUser.Sign(body, "another-channel-secret-000000000"));
        Assert.Equal(HttpStatusCode.Unauthorized, otherSecret.StatusCode);

        string signature = LineUser.Sign(body, LineUser.ChannelSecret);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("はい", "いいえ", StringComparison.Ordinal));
        Assert.NotEqual(body, changed);
        using var tampered = await user.PostRawAsync(changed, signature);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task Bad_bodies_get_the_status_LINE_expects_and_never_a_5xx()
    {
        var user = NewUser();
        using var malformed = await user.PostRawAsync(Encoding.UTF8.GetBytes("{\"events\": [ {\"type\": "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var notAnObject = await user.PostRawAsync(Encoding.UTF8.GetBytes("[1, 2, 3]"));
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);

        using var notText = await user.PostRawAsync(Encoding.UTF8.GetBytes("{\"events\":[{\"type\":\"message\",\"message\":{\"type\":\"text\",\"text\":\"\\ud800\"}}]}"));
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);

        var huge = Encoding.UTF8.GetBytes("{\"events\":[],\"pad\":\"" + new string('x', 1024 * 1024) + "\"}");
        using var tooLarge = await user.PostRawAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        // LINE's "Verify" button in the console sends no events.
        using var verify = await user.PostAsync(LineUser.Webhook());
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);

        using var oddEvents = await user.PostAsync(LineUser.Webhook(
            new JsonObject { ["type"] = "beacon", ["mode"] = "active", ["webhookEventId"] = LineUser.NewEventId(), ["source"] = new JsonObject { ["type"] = "user", ["userId"] = user.UserId } },
            new JsonObject { ["type"] = "message", ["mode"] = "active", ["source"] = new JsonObject { ["type"] = "user" } },
            new JsonObject { ["mode"] = "active" }));
        Assert.Equal(HttpStatusCode.OK, oddEvents.StatusCode);
        await user.AnsweredAsync();
    }

    [Fact]
    public async Task Unknown_tenants_and_tenants_without_a_LINE_account_have_no_webhook()
    {
        var user = NewUser();
        var body = LineUser.Bytes(LineUser.Webhook());
        using var unknown = await user.PostRawAsync(body, toTenant: "no-such-chamber");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noLine = await user.PostRawAsync(body, toTenant: "default");
        Assert.Equal(HttpStatusCode.NotFound, noLine.StatusCode);
    }

    [Fact]
    public async Task A_redelivered_event_is_answered_once()
    {
        var user = NewUser();
        var evt = Text(user, "はい");
        evt["replyToken"] = _host.Line.IssueReplyToken(user.UserId);
        using (var first = await user.PostAsync(LineUser.Webhook(evt)))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = evt.DeepClone().AsObject();
        again["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        using (var redelivered = await user.PostAsync(LineUser.Webhook(again, evt.DeepClone().AsObject())))
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        await user.AnsweredAsync();

        Assert.Single(_host.Line.Deliveries, d => d.To == user.UserId);
    }

    [Fact]
    public async Task Standby_events_get_no_answer()
    {
        var user = NewUser();
        var evt = Text(user, "はい");
        evt["mode"] = "standby";
        Assert.Empty(await user.SendAsync(evt));
    }

    [Fact]
    public async Task A_sticker_gets_a_polite_request_for_text()
    {
        var answer = await NewUser().SendStickerAsync();
        Assert.Equal(["恐れ入りますが、スタンプや画像の内容は読み取れません。お答えやご質問は、文字で送ってください。"], LineUser.Texts(answer));
    }

    [Fact]
    public async Task In_a_group_the_bot_says_once_that_it_serves_one_to_one_chats_and_reads_nothing_else()
    {
        var user = NewUser();
        var group = new JsonObject { ["type"] = "group", ["groupId"] = "C" + Guid.NewGuid().ToString("N"), ["userId"] = user.UserId };
        int before = _host.Line.Deliveries.Count;
        var join = new JsonObject { ["type"] = "join", ["replyToken"] = _host.Line.IssueReplyToken(user.UserId) };
        var message = Text(user, "はい");
        message["replyToken"] = _host.Line.IssueReplyToken(user.UserId);
        message["source"] = group.DeepClone();
        join["source"] = group.DeepClone();
        join["mode"] = "active";
        join["webhookEventId"] = LineUser.NewEventId();
        using (var response = await user.PostAsync(LineUser.Webhook(join, message)))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await user.AnsweredAsync();

        var sent = _host.Line.Deliveries.Skip(before).ToList();
        var only = Assert.Single(sent);
        Assert.Equal("reply", only.Kind);
        Assert.Contains("1対1のトーク", LineUser.Texts(only.Messages).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_reply_token_falls_back_to_one_push_with_a_retry_key_and_it_is_counted()
    {
        var user = NewUser();
        var counter = _host.Factory.Services.GetRequiredService<LinePushCounter>();
        long before = counter.CountFor("chamber");

        var answer = await user.SayAsync("はい", expiredToken: true);

        Assert.Equal(["受け取りました：はい"], LineUser.Texts(answer));
        var push = _host.Line.Deliveries.Last(d => d.To == user.UserId);
        Assert.Equal("push", push.Kind);
        Assert.True(Guid.TryParse(push.RetryKey, out _));
        Assert.Equal(before + 1, counter.CountFor("chamber"));
    }

    [Fact]
    public async Task LINE_server_trouble_is_retried_and_the_answer_arrives_once()
    {
        var user = NewUser();
        _host.Line.FailNext(500, times: 2);
        var answer = await user.SayAsync("はい");
        Assert.Equal(["受け取りました：はい"], LineUser.Texts(answer));
    }

    [Fact]
    public async Task A_429_is_not_retried_nor_pushed_since_it_may_mean_the_quota_is_used_up()
    {
        var user = NewUser();
        var counter = _host.Factory.Services.GetRequiredService<LinePushCounter>();
        long pushes = counter.CountFor("chamber");
        int attempts = _host.Line.Attempts;
        _host.Line.FailNext(429);

        Assert.Empty(await user.SayAsync("はい"));
        Assert.Equal(attempts + 1, _host.Line.Attempts);
        Assert.Equal(pushes, counter.CountFor("chamber"));
    }

    [Fact]
    public async Task The_loading_animation_shows_while_the_bot_is_slow_and_not_for_quick_answers()
    {
        var user = NewUser();
        await user.SayAsync("はい");
        Assert.DoesNotContain(user.UserId, _host.Line.Loadings);

        var answer = await user.SayAsync("遅い");
        Assert.Equal(["お待たせしました。"], LineUser.Texts(answer));
        Assert.Contains(user.UserId, _host.Line.Loadings);
    }

    [Fact]
    public async Task A_result_card_becomes_a_flex_bubble_with_sources_and_quick_replies_in_one_reply()
    {
        var answer = await NewUser().SayAsync("カード");

        Assert.InRange(answer.Count, 1, 5);
        var flex = LineUser.Flex(answer)!;
        Assert.Equal("診断の結果です。", (string?)flex["altText"]);
        Assert.Contains(LineUser.Texts(answer), t => t.StartsWith("出典\n1. 情報セキュリティ5か条\nhttps://www.ipa.go.jp/", StringComparison.Ordinal));
        Assert.Equal(["もう一度"], LineUser.QuickReplies(answer));
    }

    [Fact]
    public async Task Messages_of_one_person_sent_quickly_are_answered_in_order()
    {
        var user = NewUser();
        var events = Enumerable.Range(1, 5).Select(i =>
        {
            var evt = Text(user, i == 1 ? "遅い" : $"{i}番目");
            evt["replyToken"] = _host.Line.IssueReplyToken(user.UserId);
            return evt;
        }).ToArray();
        using (var response = await user.PostAsync(LineUser.Webhook(events)))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await user.AnsweredAsync();

        var texts = _host.Line.Deliveries.Where(d => d.To == user.UserId).SelectMany(d => LineUser.Texts(d.Messages)).ToList();
        Assert.Equal(["お待たせしました。", "受け取りました：2番目", "受け取りました：3番目", "受け取りました：4番目", "受け取りました：5番目"], texts);
    }

    private static JsonObject Text(LineUser user, string text) => new()
    {
        ["type"] = "message",
        ["mode"] = "active",
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["webhookEventId"] = LineUser.NewEventId(),
        ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        ["source"] = new JsonObject { ["type"] = "user", ["userId"] = user.UserId },
        ["message"] = new JsonObject { ["type"] = "text", ["id"] = "1", ["text"] = text },
    };
}
