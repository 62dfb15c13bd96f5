using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Desk.Live;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// The console's live part: a WebSocket per open console page that says which of the desk's cases changed, and the
/// case chat as JSON after a given message number. A page asks for what came after the last message it shows whenever
/// it is told something changed and whenever it reconnects, so nothing is lost and nothing is shown twice.
/// </summary>
internal sealed class DeskLiveHandlers(IDeskStore store, DeskRequests requests, DeskEvents events, DeskPresence presence, IHostApplicationLifetime lifetime)
{
    public const int MessagesPerRead = 200;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(25);

    public async Task<IResult> MessagesAsync(HttpContext context, string id)
    {
        if (await requests.SessionAsync(context) is not { } session)
            return TypedResults.Json(new LiveError("ログインしてください。"), statusCode: StatusCodes.Status401Unauthorized);
        if (await requests.FindVisibleAsync(session, id, context.RequestAborted) is not { } found)
            return TypedResults.Json(new LiveError(DeskWords.CaseNotFound), statusCode: StatusCodes.Status404NotFound);
        string? afterText = context.Request.Query["after"].FirstOrDefault();
        long after = 0;
        if (afterText is not null && (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            return TypedResults.Json(new LiveError("after は 0 以上の整数で指定してください。"), statusCode: StatusCodes.Status400BadRequest);

        var messages = await store.ReadMessagesAsync(session.TenantId, found.Id, after, MessagesPerRead, context.RequestAborted);
        var names = await requests.StaffNamesAsync(session, context.RequestAborted);
        return TypedResults.Json(new LiveMessages(
            [.. messages.Select(m => new LiveMessage(m.Sequence, Code(m.From), DeskPages.Who(m, names), DeskWords.Time(m.At), m.Text))],
            found.Version));
    }

    public async Task LiveAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new LiveError("WebSocket で接続してください。"));
            return;
        }
        if (await requests.SessionAsync(context) is not { } session)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        // Browsers send the cookie with a socket opened by any page; only the console's own pages may open one.
        if (context.Request.Headers.Origin.FirstOrDefault() is { } origin
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new LiveError("このページからは接続できません。"));
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var listener = events.Listen(session.TenantId);
        using var here = presence.Connected(session.TenantId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var reading = DrainAsync(socket, stop);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                wait.CancelAfter(KeepAlive);
                byte[] payload;
                try
                {
                    var change = await listener.Events.ReadAsync(wait.Token);
                    payload = JsonSerializer.SerializeToUtf8Bytes(new LiveEvent(change.CaseId, change.Kind == DeskEventKind.Message ? "message" : "case", change.Sequence), JsonSerializerOptions.Web);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    payload = """{"kind":"ping"}"""u8.ToArray();   // keeps proxies from closing an idle socket
                }
                await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or System.Threading.Channels.ChannelClosedException)
        {
            // The page went away or the host is stopping: the page reconnects and catches up by message number.
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
            await CloseAsync(socket, lifetime.ApplicationStopping.IsCancellationRequested);
        }
    }

    // Completes the close handshake the page started (or starts it when the host stops), briefly: a vanished page won't answer.
    private static async Task CloseAsync(WebSocket socket, bool stopping)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var brief = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(stopping ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure,
                stopping ? "the host is stopping" : "bye", brief.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    // The page sends nothing; reading is how a close from the browser is noticed.
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[256];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        await stop.CancelAsync();
    }

    private static string Code(MessageSender from) => from switch
    {
        MessageSender.Owner => "owner",
        MessageSender.Staff => "staff",
        _ => "system",
    };

    internal sealed record LiveError(string Error);
    internal sealed record LiveMessage(long Seq, string From, string Who, string Time, string Text);
    internal sealed record LiveMessages(IReadOnlyList<LiveMessage> Messages, long Version);
    internal sealed record LiveEvent(string Case, string Kind, long Seq);
}
