using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Support;

/// <summary>One activity the bot sent, with where it was sent and the bearer token it carried.</summary>
public sealed record ConnectorPost(string ConversationId, string? ReplyToId, JsonObject Activity, string? Authorization, DateTimeOffset At);

/// <summary>
/// The Bot Connector on loopback, with Entra ID's token endpoint beside it: records every activity the bot sends
/// (ids unescaped, as the real service reads them), answers a <c>ResourceResponse</c>, and can be told to fail the next
/// sends (429 with Retry-After, 502, 413 with a Bot Framework error body).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const string IssuedToken = "connector-token-from-fake-entra";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorPost> _posts = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private int _tokenRequests;
    private int _attempts;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl activities name; replies go to {ServiceUrl}v3/conversations/….</summary>
    public string ServiceUrl { get; private set; } = null!;

    /// <summary>For BotFramework:TokenEndpoint ({tenant} filled in by the host).</summary>
    public string TokenEndpointTemplate => ServiceUrl + "{tenant}/oauth2/v2.0/token";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Every request to the activities API, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public List<string> TokenTenants { get; } = [];

    public IReadOnlyList<ConnectorPost> Posts => [.. _posts];

    public IReadOnlyList<ConnectorPost> To(string conversationId) => [.. _posts.Where(p => p.ConversationId == conversationId)];

    public void FailNext(int status, string? retryAfter = null, int times = 1)
    {
        for (int i = 0; i < times; i++)
            _failures.Enqueue((status, retryAfter));
    }

    public static async Task<FakeConnector> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => fake.ReceiveAsync(conversationId, null, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) => fake.ReceiveAsync(conversationId, activityId, request));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default" || string.IsNullOrEmpty(form["client_secret"]))
                return Results.BadRequest(new { error = "invalid_request" });
            Interlocked.Increment(ref fake._tokenRequests);
            lock (fake.TokenTenants)
                fake.TokenTenants.Add(tenant);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = IssuedToken });
        });
        await app.StartAsync();
        fake.ServiceUrl = LoopbackApp.BaseUrlOf(app);
        return fake;
    }

    private async Task<IResult> ReceiveAsync(string conversationId, string? replyToId, HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null)
                request.HttpContext.Response.Headers.RetryAfter = failure.RetryAfter;
            return Results.Json(new { error = new { code = failure.Status == 413 ? "MessageSizeTooBig" : "ServiceError", message = "fake failure" } }, statusCode: failure.Status);
        }
        var activity = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        _posts.Enqueue(new ConnectorPost(conversationId, replyToId, activity, request.Headers.Authorization, DateTimeOffset.UtcNow));
        return Results.Json(new { id = $"sent-{_posts.Count}" });
    }

    /// <summary>Waits until the conversation has received a message (not typing) satisfying <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(string conversationId, int after, Func<IReadOnlyList<JsonObject>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var messages = To(conversationId).Skip(after).Select(p => p.Activity).Where(a => (string?)a["type"] == "message").ToList();
            if (done(messages))
                return messages;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"conversation {conversationId}: {messages.Count} messages after {after}, condition not met");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
