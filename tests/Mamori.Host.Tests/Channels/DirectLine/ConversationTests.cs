using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

public sealed class ConversationTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    [Fact]
    public async Task Starting_returns_201_with_a_stream_url_then_200_and_the_greeting_arrives_with_buttons()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        Assert.StartsWith("ws://127.0.0.1:", client.StreamUrl);
        Assert.Contains($"/v3/directline/conversations/{client.ConversationId}/stream?t=", client.StreamUrl);

        using var again = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var info = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(client.ConversationId, (string?)info!["conversationId"]);
        Assert.Equal(1800, (int)info["expires_in"]!);

        var activities = await client.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());
        var greeting = Assert.Single(DirectLineClient.BotMessages(activities));
        Assert.Equal("こんにちは。診断を始めますか？", (string?)greeting["text"]);
        var actions = greeting["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(["はい", "いいえ"], actions.Select(a => (string)a!["title"]!));
        Assert.All(actions, a => Assert.Equal("imBack", (string?)a!["type"]));
        Assert.All(actions, a => Assert.Equal((string?)a!["title"], (string?)a["value"]));
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_the_server_id_and_client_activity_id_then_answered()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string id = await client.PostAsync("はい", clientActivityId: "client-42");

        var activities = await client.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == id));
        var echo = activities.Single(a => (string?)a!["id"] == id)!;
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal("client-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.True((bool)echo["futureField"]!["kept"]!, "unknown fields must be kept");
        Assert.NotNull(echo["timestamp"]);
        Assert.StartsWith(client.ConversationId + "|", id);

        var reply = activities.Single(a => (string?)a!["replyToId"] == id)!;
        Assert.Equal("受け取りました：はい", (string?)reply["text"]);
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        // the server forces the token's user id, whatever the client claimed
        Assert.NotEqual("ignored-by-server", (string?)echo["from"]!["id"]);
        Assert.StartsWith("dl_", (string?)echo["from"]!["id"]);
    }

    [Fact]
    public async Task Activities_page_by_watermark()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        await client.WaitForAsync(a => a.Count == 1);
        string id = await client.PostAsync("一つ目");
        await client.WaitForAsync(a => a.Count == 3);

        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities?watermark=1");
        var set = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("3", (string?)set!["watermark"]);
        Assert.Equal([id, client.ConversationId + "|0000002"], set["activities"]!.AsArray().Select(a => (string)a!["id"]!));
    }

    [Fact]
    public async Task Reconnect_gives_a_new_stream_url_that_resumes_at_the_watermark()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}?watermark=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(client.ConversationId, (string?)info!["conversationId"]);
        Assert.EndsWith("&watermark=1", (string?)info["streamUrl"]);
        Assert.NotEqual(client.StreamUrl, (string?)info["streamUrl"]);
    }

    [Fact]
    public async Task A_slow_turn_is_still_answered_in_order_after_a_fast_one()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string slow = await client.PostAsync("遅い");
        string fast = await client.PostAsync("速い");
        var activities = await client.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == fast));
        var replies = DirectLineClient.BotMessages(activities).Where(a => a["replyToId"] is not null).Select(a => (string?)a["replyToId"]).ToList();
        Assert.Equal([slow, fast], replies);
    }

    [Fact]
    public async Task A_failing_turn_gets_a_polite_japanese_apology_and_the_conversation_goes_on()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string failing = await client.PostAsync("失敗");
        var activities = await client.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == failing));
        Assert.Contains("申し訳ありません", (string?)activities.Single(a => (string?)a!["replyToId"] == failing)!["text"]);

        string next = await client.PostAsync("大丈夫？");
        await client.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == next));
    }

    [Fact]
    public async Task Events_are_echoed_but_not_answered_and_typing_is_accepted()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        await client.WaitForAsync(a => a.Count == 1);
        using var ev = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities",
            """{"type":"event","name":"webchat/join","from":{"id":"u"},"value":{"language":"ja-JP"}}""");
        Assert.Equal(HttpStatusCode.OK, ev.StatusCode);
        using var typing = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities",
            """{"type":"typing","from":{"id":"u"}}""");
        Assert.Equal(HttpStatusCode.OK, typing.StatusCode);

        await Task.Delay(300);
        var activities = await client.ActivitiesAsync();
        Assert.Equal(["message", "event"], activities.Select(a => (string)a!["type"]!));
    }

    [Fact]
    public async Task Uploads_are_refused_with_a_reason()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/upload?userId=x", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not supported", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tenant_greeting_comes_before_the_bots_own()
    {
        var client = await DirectLineClient.StartAsync(host.Factory, tenant: "chamber");
        var activities = await client.WaitForAsync(a => DirectLineClient.BotMessages(a).Count() == 2);
        Assert.Equal(["テスト商工会議所のセキュリティ相談へようこそ。", "こんにちは。診断を始めますか？"],
            DirectLineClient.BotMessages(activities).Select(a => (string)a["text"]!));
    }
}
