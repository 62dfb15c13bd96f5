using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// Cuts the chat's live connection the way a network drop does (its WebSocket is closed from the server side, by
/// another socket taking the conversation over), then waits until Web Chat has reconnected on its own: the page's new
/// socket in turn replaces ours.
/// </summary>
internal static class NetworkDrop
{
    public static async Task CutAndAwaitReconnectAsync(IFrame chatFrame, Uri host, string storageKey)
    {
        string? saved = await chatFrame.EvaluateAsync<string?>($"() => sessionStorage.getItem('{storageKey}')");
        Assert.NotNull(saved);   // the conversation is kept for reloads
        var session = JsonNode.Parse(saved)!;
        using var http = new HttpClient { BaseAddress = host };
        var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{(string)session["conversationId"]!}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)session["token"]!);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        string streamUrl = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["streamUrl"]!;

        using var intruder = new ClientWebSocket();
        await intruder.ConnectAsync(new Uri(streamUrl), CancellationToken.None);

        // directlinejs retries after 3-15 s; its new socket closes ours with reason "collision".
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do result = await intruder.ReceiveAsync(buffer, timeout.Token);
        while (result.MessageType != WebSocketMessageType.Close);
        Assert.Equal("collision", result.CloseStatusDescription);
    }
}
