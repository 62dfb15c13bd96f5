using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

public sealed class StreamTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    [Fact]
    public async Task The_websocket_delivers_the_greeting_then_the_echo_and_the_reply()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var socket = await ConnectAsync(client.StreamUrl);
        var seen = new List<JsonNode>();

        await ReadUntilAsync(socket, seen, s => s.Any(a => (string?)a["text"] == "こんにちは。診断を始めますか？"));
        string id = await client.PostAsync("はい", clientActivityId: "ws-1");
        await ReadUntilAsync(socket, seen, s => s.Any(a => (string?)a["replyToId"] == id));

        var echo = seen.Single(a => (string?)a["id"] == id);
        Assert.Equal("ws-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("受け取りました：はい", (string?)seen.Single(a => (string?)a["replyToId"] == id)["text"]);
    }

    [Fact]
    public async Task Empty_keepalive_frames_from_the_client_are_ignored_and_typing_shows_while_the_bot_works()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var socket = await ConnectAsync(client.StreamUrl);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes(""), WebSocketMessageType.Text, true, CancellationToken.None);

        var seen = new List<JsonNode>();
        string id = await client.PostAsync("遅い");
        await ReadUntilAsync(socket, seen, s => s.Any(a => (string?)a["replyToId"] == id));
        int typing = seen.FindIndex(a => (string?)a["type"] == "typing");
        int reply = seen.FindIndex(a => (string?)a["replyToId"] == id);
        Assert.InRange(typing, 0, reply - 1);

        // Typing is for the live stream only, not the stored transcript.
        Assert.DoesNotContain(await client.ActivitiesAsync(), a => (string?)a!["type"] == "typing");
    }

    [Fact]
    public async Task A_second_socket_replaces_the_first_which_is_closed_as_a_collision()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var first = await ConnectAsync(client.StreamUrl);
        await ReadUntilAsync(first, [], s => s.Count > 0);
        using var second = await ConnectAsync(await FreshStreamUrlAsync(client));

        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        WebSocketReceiveResult result;
        do result = await first.ReceiveAsync(buffer, timeout.Token);
        while (result.MessageType != WebSocketMessageType.Close);
        Assert.Equal("collision", result.CloseStatusDescription);

        var seen = new List<JsonNode>();
        await ReadUntilAsync(second, seen, s => s.Count > 0);   // the backlog replays on the new socket
        string id = await client.PostAsync("二本目");
        await ReadUntilAsync(second, seen, s => s.Any(a => (string?)a["replyToId"] == id));
    }

    [Fact]
    public async Task A_stream_url_opens_one_socket_only_and_the_first_keeps_working()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var first = await ConnectAsync(client.StreamUrl);
        var seen = new List<JsonNode>();
        await ReadUntilAsync(first, seen, s => s.Count > 0);

        // A copied streamUrl cannot listen in beside the user.
        await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(client.StreamUrl));

        string id = await client.PostAsync("まだつながってる？");
        await ReadUntilAsync(first, seen, s => s.Any(a => (string?)a["replyToId"] == id));
    }

    [Fact]
    public async Task A_reconnect_stream_replays_from_the_watermark_only()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string id = await client.PostAsync("こんにちは");
        await client.WaitForAsync(a => a.Count == 3);

        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}?watermark=2");
        var info = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var socket = await ConnectAsync((string)info["streamUrl"]!);
        var seen = new List<JsonNode>();
        var frame = await ReadUntilAsync(socket, seen, s => s.Count > 0);
        Assert.Equal(id, (string?)Assert.Single(seen)["replyToId"]);
        Assert.Equal("3", (string?)frame["watermark"]);
    }

    [Fact]
    public async Task A_stream_url_with_a_bad_token_is_refused()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string forged = client.StreamUrl.Split("?t=")[0] + "?t=abc.def.ghi";
        await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(forged));
        // The conversation token is not a stream token.
        string withConversationToken = client.StreamUrl.Split("?t=")[0] + "?t=" + Uri.EscapeDataString(client.Token);
        await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(withConversationToken));
    }

    private static async Task<string> FreshStreamUrlAsync(DirectLineClient client)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}");
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["streamUrl"]!;
    }

    private static async Task<ClientWebSocket> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(url), timeout.Token);
        return socket;
    }

    /// <summary>Reads ActivitySet frames into <paramref name="seen"/> until the condition holds; returns the last frame.</summary>
    private static async Task<JsonNode> ReadUntilAsync(ClientWebSocket socket, List<JsonNode> seen, Func<List<JsonNode>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);

            var frame = JsonNode.Parse(message.ToArray())!;
            seen.AddRange(frame["activities"]!.AsArray().Select(a => a!.DeepClone()));
            if (condition(seen))
                return frame;
        }
    }
}
