using System.Net.WebSockets;
using System.Text.Json;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Tenants;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Access;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// The WebSocket at streamUrl: pre-authorised by its stream token, sends ActivitySet frames (backlog from the
/// watermark first), ignores what the client sends (directlinejs sends empty keep-alives). One socket per
/// conversation: a newer one replaces this one, which is then closed with reason "collision".
/// </summary>
internal static class DirectLineStream
{
    public static async Task<IResult> AcceptAsync(
        string conversationId, string? t, string? watermark, HttpContext context,
        AccessTokens tokens, ConversationRegistry registry, TenantCatalog tenants, IHostApplicationLifetime lifetime,
        ILogger<ConversationRegistry> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return DirectLineErrors.BadRequest("Open this URL as a WebSocket (the streamUrl from starting or reconnecting).");
        if (string.IsNullOrEmpty(t))
            return DirectLineErrors.MissingAuth();

        var check = await tokens.CheckAsync(t, context.RequestAborted);
        if (check.Status == TokenStatus.Expired)
            return DirectLineErrors.Expired();
        if (check.Status == TokenStatus.Revoked)
            return StreamUrlUsed();
        if (check.Status == TokenStatus.Invalid || check.Grant is not { Scope: TokenScope.Stream } grant || grant.ConversationId != conversationId)
            return DirectLineErrors.InvalidToken();
        if (await registry.FindAsync(conversationId, context.RequestAborted) is not { } conversation || conversation.Key.TenantId != grant.TenantId)
            return DirectLineErrors.UnknownConversation(conversationId);
        string? origin = context.Request.Headers.Origin;
        if (tenants.Find(grant.TenantId) is not { } tenant || !tenant.AllowsOrigin(origin, OriginPolicy.SelfOrigin(context.Request)))
            return DirectLineErrors.Forbidden($"Origin '{origin}' is not allowed for this tenant.");
        if (DirectLineEndpoints.ParseWatermark(watermark) is not { } from)
            return DirectLineErrors.BadRequest($"watermark '{watermark}' is not a number.");
        // A streamUrl opens one socket: a copied URL cannot listen in beside the user (directlinejs asks for a new one
        // by reconnecting whenever its socket ends).
        if (!await tokens.TryRevokeAsync(t, check, TimeSpan.Zero, context.RequestAborted))
            return StreamUrlUsed();

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var subscription = conversation.Subscribe(from);
        conversation.Touch();
        // Kestrel waits for open requests when stopping, and a socket never ends by itself: Ctrl+C would hang until the
        // shutdown timeout. Stopping ends the socket; directlinejs reconnects from its watermark once the host is back.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        string reason = await PumpAsync(socket, subscription, ended.Token);
        DirectLineLog.StreamEnded(logger, conversationId, reason);
        return Results.Empty;
    }

    private static IResult StreamUrlUsed() =>
        DirectLineErrors.Forbidden("This streamUrl was already used; reconnect (GET the conversation) for a new one.");

    private static async Task<string> PumpAsync(WebSocket socket, StreamSubscription subscription, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var drain = DrainClientAsync(socket, stop);
        try
        {
            await foreach (var frame in subscription.Frames.ReadAllAsync(stop.Token))
            {
                byte[] json = JsonSerializer.SerializeToUtf8Bytes(frame, DirectLineJson.Default.ActivitySet);
                await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }

            // The feed ended on our side: a newer socket took over, or this client fell too far behind.
            string reason = subscription.Replaced ? "collision" : "overflow";
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, aborted);
                // Let the client answer the close handshake (the drain loop sees its close frame) before hanging up.
                await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(2), aborted));
            }
            return reason;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            return "client closed";
        }
        finally
        {
            await stop.CancelAsync();
            await drain;
        }
    }

    /// <summary>Reads and discards client frames; when the client closes, stops the sender too.</summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource stop)
    {
        byte[] buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Client gone or we are stopping.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }
}
