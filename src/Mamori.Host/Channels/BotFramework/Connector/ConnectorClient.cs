using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.RateLimiting;
using Mamori.Core.Text;
using Mamori.Host.Channels.Activities;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.BotFramework.Connector;

/// <summary>
/// Sends the bot's activities through the Bot Connector REST API (POST v3/conversations/{id}/activities[/{replyTo}]):
/// only to the allowed service hosts (the bot's token goes nowhere else), ids escaped as Teams ids need, paced by Teams'
/// per-conversation limits, retried on 429/412/502/504 by the HTTP client's resilience handler (honouring Retry-After).
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    ConnectorTokenSource tokens,
    IOptions<BotFrameworkOptions> options,
    ILogger<ConnectorClient> logger) : IDisposable
{
    public const string HttpClientName = "bot-connector";

    // Teams, per bot per conversation: 7 sends a second, 8 in 2 s, 60 in 30 s, 1800 an hour. Sends wait their turn;
    // limiters of quiet conversations are dropped by the partitioned limiter itself.
    private readonly PartitionedRateLimiter<string> _pace = PartitionedRateLimiter.CreateChained(
        Window(7, TimeSpan.FromSeconds(1)), Window(8, TimeSpan.FromSeconds(2)), Window(60, TimeSpan.FromSeconds(30)), Window(1800, TimeSpan.FromHours(1)));

    public async Task<ResourceResponse?> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        var baseUri = CheckedServiceUrl(serviceUrl);
        string path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (activity.ReplyToId is { Length: > 0 } replyTo ? "/" + Uri.EscapeDataString(replyTo) : "");
        var url = new Uri(baseUri, path);

        using var lease = await _pace.AcquireAsync(conversationId, 1, ct);
        if (!lease.IsAcquired)
            throw new ConnectorException("Too many replies are waiting in this conversation.", StatusCodes.Status429TooManyRequests);

        var response = await PostAsync(url, activity, forceToken: false, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !options.Value.IsEmulatorMode)
        {
            response.Dispose();
            response = await PostAsync(url, activity, forceToken: true, ct);   // the token may have been revoked early
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
                return response.Content.Headers.ContentLength == 0 ? null : await ReadResourceAsync(response, ct);
            throw await FailureAsync(response, ct);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, Activity activity, bool forceToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity, ActivityJson.Default.Activity) };
        if (!options.Value.IsEmulatorMode)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct, forceToken));
        try
        {
            return await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException($"The Connector at {url.Host} could not be reached.", null, ex);
        }
    }

    /// <summary>https on an allowed host or its subdomain; http only on this machine, for the emulator and tests.</summary>
    private Uri CheckedServiceUrl(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var uri))
            throw new ConnectorException("The activity's serviceUrl is not an absolute URL.");
        var settings = options.Value;
        bool listed = settings.AllowedServiceHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
        bool allowed = uri.Scheme == Uri.UriSchemeHttps ? listed
            : uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && (settings.IsEmulatorMode || listed);
        if (!allowed)
        {
            ConnectorLog.HostRefused(logger, uri.Host);
            throw new ConnectorException($"Replies are not sent to {uri.Scheme}://{uri.Host} (BotFramework:AllowedServiceHosts).");
        }
        return uri;
    }

    private static async Task<ResourceResponse?> ReadResourceAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ActivityJson.Default.ResourceResponse, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;   // typing and some channels answer 200 with no resource
        }
    }

    private async Task<ConnectorException> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string detail = "";
        try
        {
            if (await response.Content.ReadFromJsonAsync(ActivityJson.Default.ErrorResponse, ct) is { Error: { } error })
                detail = $" {error.Code}: {PiiRedactor.Redact(error.Message)}";   // the message may quote the activity
        }
        catch (System.Text.Json.JsonException)
        {
            // Not the Bot Framework error body; the status says enough.
        }
        string operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.First() : "-";
        ConnectorLog.SendFailed(logger, (int)response.StatusCode, detail, operation);
        return new ConnectorException($"The Connector answered {(int)response.StatusCode}.{detail}", (int)response.StatusCode);
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = Math.Min(permits, 10),
            QueueLimit = 200,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    public void Dispose() => _pace.Dispose();
}

internal static partial class ConnectorLog
{
    [LoggerMessage(1, LogLevel.Warning, "Refused to send a reply to {Host}: not in BotFramework:AllowedServiceHosts.")]
    public static partial void HostRefused(ILogger logger, string host);

    [LoggerMessage(2, LogLevel.Error, "The Bot Connector answered {Status}{Detail} (X-Correlating-OperationId {OperationId}).")]
    public static partial void SendFailed(ILogger logger, int status, string detail, string operationId);
}
