using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

/// <summary>Bad input gets a 4xx with a reason in Direct Line's error shape; never a 500.</summary>
public sealed class BadInputTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    private static async Task<(HttpStatusCode Status, string Code, string Message)> ErrorOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, (string)body!["error"]!["code"]!, (string)body["error"]!["message"]!);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", "not a valid activity")]
    [InlineData("not json at all", "not a valid activity")]
    [InlineData("[1,2,3]", "not a valid activity")]
    [InlineData("{\"text\":\"no type\"}", "needs a 'type'")]
    [InlineData("null", "needs a 'type'")]
    [InlineData("{\"type\":\"message\",\"text\":123}", "not a valid activity")]
    public async Task Malformed_activities_get_400_with_a_reason(string body, string reason)
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", body);
        var (status, code, message) = await ErrorOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", code);
        Assert.Contains(reason, message);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"x\\ud800\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"x\",\"value\":{\"v\":\"\\ud800\"}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"x\",\"channelData\":{\"\\udc00key\":1}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"x\",\"entities\":[{\"type\":\"\\ud83d\"}]}")]
    [InlineData("{\"type\":\"message\",\"text\":\"x\",\"attachments\":[{\"contentType\":\"text/plain\",\"content\":\"\\udfff\"}]}")]
    [InlineData("{\"type\":\"message\",\"text\":\"x\",\"somethingNew\":[\"\\ud800\\ud800\"]}")]
    public async Task An_unpaired_surrogate_anywhere_is_refused_and_the_conversation_reads_on(string body)
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        await client.WaitForAsync(a => a.Count == 1);

        using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", body);

        var (status, _, message) = await ErrorOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid Unicode", message);
        Assert.Single(await client.ActivitiesAsync());   // nothing was kept, and the transcript still reads
        await client.PostAsync("まだ話せますか？");
        await client.WaitForAsync(a => DirectLineClient.BotMessages(a).Count() >= 2);
    }

    [Fact]
    public async Task An_activity_over_256_KB_gets_413_and_is_not_stored()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        await client.WaitForAsync(a => a.Count == 1);
        string huge = DirectLineClient.Message(new string('あ', 100_000));   // 300 KB of UTF-8
        using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", huge);
        var (status, code, message) = await ErrorOf(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("MessageSizeTooBig", code);
        Assert.Contains("262144 bytes", message);
        Assert.Single(await client.ActivitiesAsync());
    }

    [Fact]
    public async Task A_conversation_takes_only_so_much_from_its_client_and_still_reads_afterwards()
    {
        using var small = new HostFactory(settings: new Dictionary<string, string?> { ["Channels:DirectLine:MaxPostedBytesPerConversation"] = "65536" });
        var client = await DirectLineClient.StartAsync(small);
        string event30k = System.Text.Json.JsonSerializer.Serialize(new { type = "event", name = "flood", value = new string('x', 30_000) });
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", event30k);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                Assert.Contains("start a new conversation", (await ErrorOf(response)).Message);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge], statuses);
        Assert.Equal(2, (await client.ActivitiesAsync()).Count(a => (string?)a!["type"] == "event"));   // the refused one is not kept
    }

    [Fact]
    public async Task An_unknown_conversation_gets_404()
    {
        var client = new DirectLineClient(host.Factory.NewClient());
        await client.MintAsync();   // a token for a conversation that was never started
        using var get = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var post = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", DirectLineClient.Message("x"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}");
        Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
    }

    [Fact]
    public async Task A_bad_watermark_gets_400()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities?watermark=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("watermark", (await ErrorOf(response)).Message);
    }

    [Fact]
    public async Task Start_with_a_malformed_body_gets_400()
    {
        var client = new DirectLineClient(host.Factory.NewClient());
        await client.MintAsync();
        using var response = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", "{\"user\":");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_url_is_only_for_websockets()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var response = await client.Http.GetAsync(client.StreamUrl.Replace("ws://", "http://"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
