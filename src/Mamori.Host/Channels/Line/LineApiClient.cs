using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mamori.Host.Channels.Line.Wire;
using Mamori.Host.Tenants;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// The three calls Mamori makes to the LINE Messaging API, with the tenant's channel access token: reply (free, with the
/// event's reply token), push (counts against the account's monthly quota; a retry key makes a resend safe), and the
/// loading animation. Network errors and 5xx are retried by the HTTP client's resilience handler; a 429 is not, since
/// LINE also answers it when the monthly quota is used up.
/// </summary>
internal sealed class LineApiClient(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "line-api";

    public Task ReplyAsync(LineAccountOptions account, string replyToken, IReadOnlyList<JsonObject> messages, CancellationToken ct) =>
        SendAsync(account, "v2/bot/message/reply", JsonContent.Create(new LineReplyRequest(replyToken, messages), LineJson.Default.LineReplyRequest), retryKey: null, ct);

    /// <param name="retryKey">The same key for every try of one push: LINE answers 409 to a push it already accepted.</param>
    public Task PushAsync(LineAccountOptions account, string to, IReadOnlyList<JsonObject> messages, Guid retryKey, CancellationToken ct) =>
        SendAsync(account, "v2/bot/message/push", JsonContent.Create(new LinePushRequest(to, messages), LineJson.Default.LinePushRequest), retryKey, ct);

    /// <summary>One-on-one chats only; it ends by itself when the next message arrives.</summary>
    public Task StartLoadingAsync(LineAccountOptions account, string userId, int seconds, CancellationToken ct) =>
        SendAsync(account, "v2/bot/chat/loading/start", JsonContent.Create(new LineLoadingRequest(userId, seconds), LineJson.Default.LineLoadingRequest), retryKey: null, ct);

    private async Task SendAsync(LineAccountOptions account, string path, HttpContent content, Guid? retryKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(EnsureSlash(account.ApiBaseUrl)), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        if (retryKey is { } key)
            request.Headers.Add("X-Line-Retry-Key", key.ToString());

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new LineApiException($"LINE's API could not be reached ({ex.GetType().Name}).", null, ex);
        }

        using (response)
        {
            // 409 to a push with a retry key: an earlier try was accepted, so the messages are on their way.
            if (response.IsSuccessStatusCode || (retryKey is not null && response.StatusCode == HttpStatusCode.Conflict))
                return;
            throw new LineApiException($"LINE answered {(int)response.StatusCode}: {await ReasonAsync(response, ct)}", (int)response.StatusCode);
        }
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(LineJson.Default.LineErrorResponse, ct);
            return error?.Message is { Length: > 0 } message ? message[..Math.Min(message.Length, 200)] : response.ReasonPhrase ?? "";
        }
        catch (JsonException)
        {
            return response.ReasonPhrase ?? "";
        }
    }

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}

/// <summary>A call LINE did not take; <see cref="StatusCode"/> is null when LINE could not be reached.</summary>
internal sealed class LineApiException(string message, int? statusCode, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;

    /// <summary>LINE's answer to a reply token that is used, expired or unknown: the messages can still go as a push.</summary>
    public bool IsInvalidReplyToken => StatusCode == StatusCodes.Status400BadRequest && Message.Contains("reply token", StringComparison.OrdinalIgnoreCase);
}
