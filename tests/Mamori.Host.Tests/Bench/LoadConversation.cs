using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Mamori.Host.Tests.Bench;

/// <summary>
/// One simulated owner: starts a conversation the way Web Chat does (token, start, WebSocket), then answers every
/// question with its first button (typing the prefecture), timing each turn from POST to the bot's next question.
/// </summary>
internal sealed partial class LoadConversation(HttpClient http, TimeSpan thinkTime)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"【\d+/\d+】")]
    private static partial System.Text.RegularExpressions.Regex QuestionNumber();

    private readonly Channel<JsonNode> _incoming = Channel.CreateUnbounded<JsonNode>();
    private string _token = "";
    private string _conversationId = "";

    public List<double> TurnMilliseconds { get; } = [];

    public async Task RunAsync(CancellationToken ct)
    {
        using var mint = await http.PostAsync("api/tenants/default/token", null, ct);
        var token = (await mint.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        _token = (string)token["token"]!;
        _conversationId = (string)token["conversationId"]!;
        using var start = await SendAsync(HttpMethod.Post, "v3/directline/conversations", null, ct);
        string streamUrl = (string)(await start.Content.ReadFromJsonAsync<JsonObject>(ct))!["streamUrl"]!;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), ct);
        var reader = ReadAsync(socket, ct);

        var question = await NextQuestionAsync(null, ct);          // the greeting
        string answer = "診断を始める";
        for (int turn = 0; turn < 60; turn++)
        {
            if (thinkTime > TimeSpan.Zero)
                await Task.Delay(thinkTime * (0.5 + Random.Shared.NextDouble()), ct);   // jittered so clients don't march in step
            var watch = Stopwatch.StartNew();
            using var posted = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities",
                JsonSerializer.Serialize(new { type = "message", from = new { id = "u" }, text = answer }), ct);
            posted.EnsureSuccessStatusCode();
            string id = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;
            question = await NextQuestionAsync(id, ct);
            TurnMilliseconds.Add(watch.Elapsed.TotalMilliseconds);

            if (question.Result)
                break;
            answer = question.FirstChoice ?? "東京都";
        }
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        await reader;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return http.SendAsync(request, ct);
    }

    /// <summary>Waits for the reply to <paramref name="replyTo"/> that asks something (buttons or 【n/N】) or ends the diagnosis.</summary>
    private async Task<(string? FirstChoice, bool Result)> NextQuestionAsync(string? replyTo, CancellationToken ct)
    {
        bool result = false;
        using var turnTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        turnTimeout.CancelAfter(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        while (true)
        {
            JsonNode activity;
            try
            {
                activity = await _incoming.Reader.ReadAsync(turnTimeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"No next question after {replyTo} in {_conversationId}; saw: {string.Join(" | ", seen)}");
            }
            seen.Add($"{activity["type"]}:{activity["replyToId"]}:{(string?)activity["text"]}");
            if ((string?)activity["from"]?["role"] != "bot" || (string?)activity["type"] != "message"
                || (replyTo is not null && (string?)activity["replyToId"] != replyTo))
                continue;
            result |= activity["attachments"]?.AsArray().Any(a => ((string?)a!["contentType"])?.StartsWith("application/vnd", StringComparison.Ordinal) == true) == true;
            var actions = activity["suggestedActions"]?["actions"]?.AsArray();
            if (actions is { Count: > 0 } || QuestionNumber().IsMatch((string?)activity["text"] ?? ""))
                return ((string?)actions?[0]?["value"], result);
        }
    }

    private async Task ReadAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close || message.Length == 0)
                    continue;
                foreach (var activity in JsonNode.Parse(message.ToArray())!["activities"]!.AsArray())
                    await _incoming.Writer.WriteAsync(activity!, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closed.
        }
    }
}
