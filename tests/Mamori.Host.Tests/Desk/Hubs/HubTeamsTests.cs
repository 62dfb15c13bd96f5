using System.Net;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Channels.BotFramework;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Desk.Hubs;

/// <summary>
/// A chamber whose desk is a contact-centre hub, on /api/messages with the real engine: signed activities answered through
/// the (loopback) Bot Connector, where handoff.initiate is POSTed as a reply to the owner's request after the owner is
/// told; the hub's handoff.status is accepted with the same auth, and bad ones are 400. With expectReplies, a finished
/// diagnosis travels in the event's value.
/// </summary>
public sealed class HubTeamsTests : IAsyncLifetime
{
    private ConnectedHost _bot = null!;

    public async Task InitializeAsync() => _bot = await ConnectedHost.StartAsync(new Dictionary<string, string?>
    {
        ["BotFramework:MamoriTenant"] = "chamber",
        ["Tenants:chamber:SupportDesk:Handoff"] = "Hub",
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Handoff_initiate_is_posted_to_the_connector_and_handoff_status_completed_brings_the_bot_back()
    {
        string conversation = "a:hub-" + Guid.NewGuid().ToString("N");
        var owner = _bot.User(conversation);
        var replies = await _bot.TurnAsync(owner, conversation, Message("q1", "診断を始める"));
        replies = await _bot.TurnAsync(owner, conversation, Message("q2", TeamsUser.Buttons(replies)[0]));
        await _bot.TurnAsync(owner, conversation, Message("q3", "バックアップはどこに取ればいいですか？"));

        using (var asked = await _bot.PostAsync(owner, Message("ask", "担当者と話したい")))
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var posts = await WaitForPostAsync(conversation, p => (string?)p.Activity["name"] == "handoff.initiate");

        var told = posts.Single(p => p.ReplyToId == "ask" && (string?)p.Activity["type"] == "message");
        Assert.Contains("テスト商工会議所 経営相談窓口の担当者にお渡ししました", (string?)told.Activity["text"], StringComparison.Ordinal);
        var handoff = posts.Single(p => (string?)p.Activity["name"] == "handoff.initiate");
        Assert.True(told.At <= handoff.At);
        Assert.Equal("ask", handoff.ReplyToId);                                   // POST …/activities/ask: a reply to the request
        Assert.Equal("Bearer " + FakeConnector.IssuedToken, handoff.Authorization);
        var e = handoff.Activity;
        Assert.Equal("event", (string?)e["type"]);
        Assert.Equal("msteams", (string?)e["channelId"]);
        Assert.Equal(conversation, (string?)e["conversation"]!["id"]);
        Assert.Equal(TeamsUser.BotId, (string?)e["from"]!["id"]);
        Assert.Equal("ask", (string?)e["replyToId"]);
        Assert.Contains("担当者との会話を希望", (string?)e["value"]!["reason"], StringComparison.Ordinal);
        Assert.Single(e["value"]!["answers"]!.AsArray());
        var transcript = Assert.Single(e["attachments"]!.AsArray())!;
        Assert.Equal("application/json", (string?)transcript["contentType"]);
        Assert.Equal("Transcript", (string?)transcript["name"]);
        var lines = transcript["content"]!["activities"]!.AsArray();
        Assert.Contains(lines, l => (string?)l!["from"]!["role"] == "user" && (string?)l["text"] == "バックアップはどこに取ればいいですか？");
        Assert.Contains(lines, l => (string?)l!["from"]!["role"] == "bot" && (string?)l["from"]!["id"] == TeamsUser.BotId);
        Assert.Equal("bot", (string?)lines[0]!["from"]!["role"]);    // the first diagnosis question, then the owner's answer
        Assert.Equal("user", (string?)lines[1]!["from"]!["role"]);

        using (var meanwhile = await _bot.PostAsync(owner, Message("meanwhile", "パスワードは何文字以上が安全？")))
            Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        using (var accepted = await _bot.PostAsync(owner, Status("s1", """{"state":"accepted"}""")))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using (var completed = await _bot.PostAsync(owner, Status("s2", """{"state":"completed","message":"解決しました"}""")))
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        posts = await WaitForPostAsync(conversation, p => p.ReplyToId == "s2" && (string?)p.Activity["type"] == "message");
        Assert.Contains("担当者との会話が終わりました", (string?)posts.Single(p => p.ReplyToId == "s2").Activity["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(posts, p => p.ReplyToId is "meanwhile" or "s1" && (string?)p.Activity["type"] == "message");

        using (var back = await _bot.PostAsync(owner, Message("back", "パスワードは何文字以上が安全？")))
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        await WaitForPostAsync(conversation, p => p.ReplyToId == "back" && (string?)p.Activity["type"] == "message");
    }

    [Theory]
    [InlineData("""{"state":"maybe"}""")]
    [InlineData("""{"message":"no state"}""")]
    [InlineData("\"completed\"")]
    public async Task A_bad_handoff_status_with_valid_auth_is_400_with_a_reason(string value)
    {
        string conversation = "a:hub-bad-" + Guid.NewGuid().ToString("N");
        var hub = _bot.User(conversation);

        using var response = await _bot.PostAsync(hub, Status("bad", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("handoff.status", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handoff_status_without_a_valid_token_is_refused()
    {
        var hub = _bot.User("a:hub-forged", appId: Guid.NewGuid().ToString());

        using var response = await _bot.PostAsync(hub, Status("forged", """{"state":"completed"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonObject Message(string id, string text) => new() { ["id"] = id, ["type"] = "message", ["text"] = text };

    private static JsonObject Status(string id, string value) => new()
    {
        ["id"] = id,
        ["type"] = "event",
        ["name"] = "handoff.status",
        ["from"] = new JsonObject { ["id"] = "hub-agent" },
        ["value"] = JsonNode.Parse(value),
    };

    private async Task<IReadOnlyList<ConnectorPost>> WaitForPostAsync(string conversation, Func<ConnectorPost, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!_bot.Connector.To(conversation).Any(match))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"conversation {conversation}: the connector never received the expected activity");
            await Task.Delay(20);
        }
        return _bot.Connector.To(conversation);
    }
}
