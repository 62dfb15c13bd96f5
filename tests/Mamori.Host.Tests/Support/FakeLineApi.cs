using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Support;

/// <summary>One call that delivered messages: a reply (with its token) or a push (with its retry key).</summary>
public sealed record LineDelivery(string Kind, string To, string? ReplyToken, string? RetryKey, IReadOnlyList<JsonObject> Messages);

/// <summary>
/// The LINE Messaging API on loopback, as the bot meets it: reply tokens are single-use and known only once issued (an
/// unknown, spent or expired one gets LINE's 400 "Invalid reply token"), a push repeated with the same X-Line-Retry-Key
/// gets 409, every call must carry the channel access token, and the next calls can be told to fail (429, 500).
/// </summary>
public sealed class FakeLineApi : IAsyncDisposable
{
    public const string AccessToken = "line-channel-access-token-for-tests";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _replyTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _retryKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LineDelivery> _deliveries = new();
    private readonly ConcurrentQueue<string> _loadings = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private int _attempts;

    private FakeLineApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = null!;

    public IReadOnlyList<LineDelivery> Deliveries => [.. _deliveries];

    /// <summary>chatId of every loading-animation request.</summary>
    public IReadOnlyList<string> Loadings => [.. _loadings];

    /// <summary>Every call to reply or push, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>A token LINE would put on the user's next event; an expired one is refused like a stale token.</summary>
    public string IssueReplyToken(string userId, bool expired = false)
    {
        string token = Guid.NewGuid().ToString("N");
        if (!expired)
            _replyTokens[token] = userId;
        return token;
    }

    public void FailNext(int status, int times = 1)
    {
        for (int i = 0; i < times; i++)
            _failures.Enqueue(status);
    }

    public static async Task<FakeLineApi> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeLineApi(app);
        app.MapPost("/v2/bot/message/reply", fake.ReplyAsync);
        app.MapPost("/v2/bot/message/push", fake.PushAsync);
        app.MapPost("/v2/bot/chat/loading/start", async (HttpRequest request) =>
        {
            if (!Authorized(request))
                return Error(401, "Authentication failed");
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            int seconds = (int)body["loadingSeconds"]!;
            if (seconds is < 5 or > 60 || seconds % 5 != 0)
                return Error(400, "The property, 'loadingSeconds', in the request body is invalid");
            fake._loadings.Enqueue((string)body["chatId"]!);
            return Results.Json(new { }, statusCode: 202);
        });
        await app.StartAsync();
        fake.BaseUrl = LoopbackApp.BaseUrlOf(app);
        return fake;
    }

    private async Task<IResult> ReplyAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        if (Refusal(request) is { } refused)
            return refused;
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        string token = (string)body["replyToken"]!;
        if (!_replyTokens.TryRemove(token, out var userId))
            return Error(400, "Invalid reply token");
        if (Messages(body) is not { } messages)
            return Error(400, "The request body has 1 error(s)");
        _deliveries.Enqueue(new LineDelivery("reply", userId, token, null, messages));
        return Results.Json(new { sentMessages = messages.Select((_, i) => new { id = i.ToString(), quoteToken = "q" }) });
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        if (Refusal(request) is { } refused)
            return refused;
        string? retryKey = request.Headers["X-Line-Retry-Key"];
        if (retryKey is not null && (!Guid.TryParse(retryKey, out _) || !_retryKeys.TryAdd(retryKey, true)))
            return Error(409, "The retry key is already accepted");
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        if (Messages(body) is not { } messages)
            return Error(400, "The request body has 1 error(s)");
        _deliveries.Enqueue(new LineDelivery("push", (string)body["to"]!, null, retryKey, messages));
        return Results.Json(new { sentMessages = messages.Select((_, i) => new { id = i.ToString(), quoteToken = "q" }) });
    }

    private IResult? Refusal(HttpRequest request)
    {
        if (!Authorized(request))
            return Error(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
        if (_failures.TryDequeue(out int status))
            return Error(status, status == 429 ? "You have reached your monthly limit." : "Internal server error");
        return null;
    }

    // LINE refuses a send of no messages or more than five.
    private static List<JsonObject>? Messages(JsonObject body) =>
        body["messages"] is JsonArray { Count: >= 1 and <= 5 } array ? [.. array.Select(m => m!.AsObject())] : null;

    private static bool Authorized(HttpRequest request) => request.Headers.Authorization == "Bearer " + AccessToken;

    private static IResult Error(int status, string message) => Results.Json(new { message }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
