using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mamori.Host.Tests.Support;

/// <summary>Speaks Direct Line to the host the way directlinejs does (token, start, post, poll), for API tests.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string ConversationId { get; private set; } = "";
    public string Token { get; private set; } = "";
    public string StreamUrl { get; private set; } = "";

    public HttpClient Http => http;

    public static async Task<DirectLineClient> StartAsync(HostFactory host, string tenant = "default")
    {
        var client = new DirectLineClient(host.NewClient());
        await client.MintAsync(tenant);
        using var start = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var info = await start.Content.ReadFromJsonAsync<JsonObject>();
        client.StreamUrl = (string)info!["streamUrl"]!;
        return client;
    }

    public async Task MintAsync(string tenant = "default")
    {
        // As the chat page does: a browser's POST carries the page's origin, here the host's own.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/tenants/{tenant}/token");
        request.Headers.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var info = await response.Content.ReadFromJsonAsync<JsonObject>();
        ConversationId = (string)info!["conversationId"]!;
        Token = (string)info["token"]!;
    }

    /// <summary>Continues a conversation started elsewhere (another host process) with its id and token, as a reloaded page does.</summary>
    public void Resume(string conversationId, string token) => (ConversationId, Token) = (conversationId, token);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return http.SendAsync(request);
    }

    public static string Message(string text, string? clientActivityId = null) => JsonSerializer.Serialize(new
    {
        type = "message",
        from = new { id = "ignored-by-server", role = "user" },
        text,
        locale = "ja-JP",
        channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        futureField = new { kept = true },
    });

    public async Task<string> PostAsync(string text, string? clientActivityId = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities", Message(text, clientActivityId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public async Task<JsonArray> ActivitiesAsync(string watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonArray)(await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!;
    }

    /// <summary>Polls (as directlinejs does without WebSocket) until the transcript satisfies the condition.</summary>
    public async Task<JsonArray> WaitForAsync(Func<JsonArray, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var activities = await ActivitiesAsync();
            if (condition(activities))
                return activities;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Transcript never matched. Last: " + activities.ToJsonString());
            await Task.Delay(50);
        }
    }

    /// <summary>True when the bot has replied to the user's activity <paramref name="id"/>.</summary>
    public static bool Answered(JsonArray activities, string id) =>
        activities.Any(a => (string?)a!["replyToId"] == id && (string?)a["from"]!["role"] == "bot");

    /// <summary>What a user in a hurry answers: the first button of the message (the greeting's 「診断を始める」, then a choice), or 「わからない」.</summary>
    public static string FirstChoice(JsonNode message) =>
        message["suggestedActions"]?["actions"] is JsonArray { Count: > 0 } actions
            ? (string?)actions[0]!["value"] ?? (string)actions[0]!["title"]!
            : "わからない";

    public static IEnumerable<JsonNode> BotMessages(JsonArray activities) =>
        activities.Where(a => (string?)a!["from"]!["role"] == "bot" && (string?)a["type"] == "message")!;
}
