using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mamori.Host.Channels.Line;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Channels.Line;

/// <summary>
/// A person on LINE, as the LINE Platform delivers them to the webhook: every event signed with the channel secret,
/// with a fresh webhookEventId and reply token; waits until the bot has answered and returns what reached this person.
/// </summary>
internal sealed partial class LineUser(HostFactory host, FakeLineApi line, string tenant = "chamber", string secret = LineUser.ChannelSecret)
{
    public const string ChannelSecret = "0123456789abcdef0123456789abcdef";
    private readonly HttpClient _http = host.NewClient();

    public string UserId { get; } = "U" + Guid.NewGuid().ToString("N");

    /// <summary>Settings for a chamber whose LINE account is the fake.</summary>
    public static Dictionary<string, string?> Settings(FakeLineApi line) => new()
    {
        ["Tenants:chamber:Line:ChannelSecret"] = ChannelSecret,
        ["Tenants:chamber:Line:AccessToken"] = FakeLineApi.AccessToken,
        ["Tenants:chamber:Line:ApiBaseUrl"] = line.BaseUrl,
        ["Channels:Line:RetryDelay"] = "00:00:00.020",
    };

    public Task<List<JsonObject>> FollowAsync() => SendAsync(new JsonObject { ["type"] = "follow", ["follow"] = new JsonObject { ["isUnblocked"] = false } });

    public Task<List<JsonObject>> UnfollowAsync() => SendAsync(new JsonObject { ["type"] = "unfollow" }, replyable: false);

    public Task<List<JsonObject>> SayAsync(string text, bool expiredToken = false) => SendAsync(new JsonObject
    {
        ["type"] = "message",
        ["message"] = new JsonObject { ["type"] = "text", ["id"] = NextId(), ["text"] = text, ["quoteToken"] = "q" + NextId() },
    }, expiredToken: expiredToken);

    public Task<List<JsonObject>> SendStickerAsync() => SendAsync(new JsonObject
    {
        ["type"] = "message",
        ["message"] = new JsonObject { ["type"] = "sticker", ["id"] = NextId(), ["packageId"] = "446", ["stickerId"] = "1988" },
    });

    /// <summary>Posts one event and returns the messages this person received because of it.</summary>
    public async Task<List<JsonObject>> SendAsync(JsonObject evt, bool replyable = true, bool expiredToken = false, JsonObject? source = null)
    {
        int before = line.Deliveries.Count;
        evt["timestamp"] ??= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        evt["mode"] ??= "active";
        evt["webhookEventId"] ??= NewEventId();
        evt["deliveryContext"] ??= new JsonObject { ["isRedelivery"] = false };
        evt["source"] = source ?? new JsonObject { ["type"] = "user", ["userId"] = UserId };
        if (replyable)
            evt["replyToken"] = line.IssueReplyToken(UserId, expiredToken);

        using var response = await PostAsync(Webhook(evt));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AnsweredAsync();
        return [.. line.Deliveries.Skip(before).Where(d => d.To == UserId).SelectMany(d => d.Messages)];
    }

    public static JsonObject Webhook(params JsonObject[] events) =>
        new() { ["destination"] = "U" + new string('0', 32), ["events"] = new JsonArray(events) };

    /// <summary>Posts a body as LINE does; <paramref name="signature"/> null signs it with the channel secret.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject body, string? signature = null) => PostRawAsync(Bytes(body), signature);

    /// <summary>The body as LINE sends it: UTF-8 with Japanese unescaped.</summary>
    public static byte[] Bytes(JsonObject body) =>
        Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    public Task<HttpResponseMessage> PostRawAsync(byte[] body, string? signature = null, string? toTenant = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/line/{toTenant ?? tenant}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("x-line-signature", signature ?? Sign(body, secret));
        return _http.SendAsync(request);
    }

    /// <summary>What the LINE Platform computes, written out here rather than taken from the code under test.</summary>
    public static string Sign(byte[] body, string channelSecret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(channelSecret));
        return Convert.ToBase64String(hmac.ComputeHash(body));
    }

    /// <summary>Waits until every accepted event has been answered.</summary>
    public async Task AnsweredAsync()
    {
        var inbox = host.Services.GetRequiredService<LineInbox>();
        for (int i = 0; i < 1500 && inbox.Pending > 0; i++)
            await Task.Delay(10);
        Assert.Equal(0, inbox.Pending);
    }

    public static string NewEventId() => "01" + Guid.NewGuid().ToString("N")[..24].ToUpperInvariant();

    private static string NextId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<string> Texts(IEnumerable<JsonObject> messages) =>
        messages.Where(m => (string?)m["type"] == "text").Select(m => (string)m["text"]!);

    /// <summary>The labels a tap sends (the action's text), from the quick reply on the last message.</summary>
    public static string[] QuickReplies(IReadOnlyList<JsonObject> messages) =>
        messages.Count > 0 && messages[^1]["quickReply"]?["items"] is JsonArray items
            ? [.. items.Select(i => (string)i!["action"]!["text"]!)]
            : [];

    public static JsonObject? Flex(IEnumerable<JsonObject> messages) => messages.LastOrDefault(m => (string?)m["type"] == "flex");

    /// <summary>The number n of the question 【n/M】 the bot asked last, or 0.</summary>
    public static int QuestionNumber(IEnumerable<JsonObject> messages) =>
        Texts(messages).Select(t => Counter().Match(t)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).LastOrDefault();

    [GeneratedRegex(@"【(\d+)/\d+】")]
    private static partial Regex Counter();
}
