using Mamori.Core.Dialogs;
using Mamori.Host.Bot;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Channels.Turns;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.DirectLine.Storage;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// Runs the bot for Direct Line conversations: the greeting on start (the synthesized conversationUpdate), then each
/// accepted user turn in order, one at a time per conversation. While the bot works a typing indicator is shown; a
/// failure becomes a polite message, never a lost turn or a crashed host.
/// </summary>
internal sealed class ConversationDriver(
    TurnRunner runner,
    ReplyPublisher publisher,
    ReplyRenderer renderer,
    TenantCatalog tenants,
    HandoffInitiation handoffs,
    HubStatus hubStatus,
    IOptions<HostTexts> texts,
    IHostApplicationLifetime lifetime,
    ILogger<ConversationDriver> logger)
{
    /// <summary>Typing shows only when the bot takes longer than this, so quick answers don't flicker.</summary>
    private static readonly TimeSpan TypingDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TypingRepeat = TimeSpan.FromSeconds(3);

    /// <summary>Activities of the stream a handoff's transcript looks back over; well under Direct Line's 256K-character activity limit.</summary>
    private const int TranscriptActivities = 40;

    public void Start(Conversation conversation, string channelId) =>
        _ = Task.Run(() => RunStartAsync(conversation, channelId));

    public void StartPump(Conversation conversation) =>
        _ = Task.Run(() => PumpAsync(conversation));

    /// <summary>
    /// A conversation read back from the store with turns it accepted before the host stopped: they are answered now, in
    /// order, the greeting first if it was never stored. Only the first caller runs them.
    /// </summary>
    public void Recover(Conversation conversation)
    {
        if (!conversation.TryClaimRecovery())
            return;
        if (conversation.PendingStart)
            Start(conversation, "directline");
        else
            StartPump(conversation);
    }

    /// <summary>A hub's handoff.status, in line with the conversation's turns; what the owner is told follows its echo.</summary>
    public void ApplyHubStatus(Conversation conversation, string echoId, HandoffStatus status) =>
        _ = Task.Run(() => RunTurnAsync(conversation, echoId, answered: null, _ => Task.FromResult(hubStatus.Apply(conversation.Key, status)), lifetime.ApplicationStopping));

    private async Task RunStartAsync(Conversation conversation, string channelId)
    {
        var ct = lifetime.ApplicationStopping;
        List<Activity> greeting = [];
        if (tenants.Find(conversation.Key.TenantId)?.Options.Greeting is { Length: > 0 } text)
            greeting.Add(renderer.Plain(conversation, null, text));

        // The greeting is stored with the bot's first reply, so a restart in between shows neither twice.
        await RunTurnAsync(conversation, null, InboxTurn.StartTurn, bot => bot.StartAsync(conversation.Key, conversation.UserId, channelId, ct), ct, greeting);
        // Turns posted while the greeting was being prepared wait for it, so they are answered after it.
        StartPump(conversation);
    }

    private async Task PumpAsync(Conversation conversation)
    {
        var ct = lifetime.ApplicationStopping;
        while (conversation.TryTakeTurn(out var turn))
        {
            var incoming = new IncomingTurn(conversation.Key, turn.UserId, turn.Text, turn.ChannelId, Route: DirectLineOwnerChannel.RouteOf(conversation));
            await RunTurnAsync(conversation, turn.EchoId, turn.EchoIndex, bot => bot.HandleAsync(incoming, ct), ct);
        }
    }

    /// <param name="answered">The inbox entry this turn answers: removed with the stored reply, so it is answered once.</param>
    private async Task RunTurnAsync(
        Conversation conversation, string? replyToId, int? answered, Func<IConversationBot, Task<TurnResult>> run, CancellationToken ct,
        List<Activity>? before = null)
    {
        using var typing = new CancellationTokenSource();
        var typingLoop = ShowTypingAsync(conversation, typing.Token);
        List<Activity> reply = [.. before ?? []];
        try
        {
            var result = await runner.RunAsync(conversation.Key, run, ct);
            typing.Cancel();
            foreach (var message in result.Replies)
            {
                var published = await publisher.PublishAsync(message, conversation.Audience, conversation.LastPicture, ct);
                conversation.LastPicture = published.Image ?? conversation.LastPicture;
                reply.AddRange(renderer.Render(published, conversation, replyToId));
            }
            await conversation.AppendAsync(reply, answered, ct);
            // After the owner-facing reply, so a client or hub reading the stream sees the handoff once the owner was told.
            if (result.Handoff is not null && await handoffs.ForAsync(result, renderer.Bot(), RecentMessages(conversation), ct) is { } initiate)
                await conversation.AppendAsync(renderer.Addressed(initiate, conversation, replyToId), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the turn stays in the inbox and is answered when the host is back.
        }
        catch (Exception ex)
        {
            DirectLineLog.TurnFailed(logger, ex, conversation.Key.TenantId, conversation.Id);
            try
            {
                await conversation.AppendAsync([.. before ?? [], renderer.Plain(conversation, replyToId, texts.Value.TurnFailed)], answered, ct);
            }
            catch (Exception stored) when (stored is not OperationCanceledException)
            {
                // Even the apology could not be stored (the disk is full?): the turn stays in the inbox for the next start.
                DirectLineLog.TurnFailed(logger, stored, conversation.Key.TenantId, conversation.Id);
            }
        }
        finally
        {
            typing.Cancel();
            await typingLoop;
        }
    }

    /// <summary>What a hub's staff read first: the last messages of both sides, as the stream has them (ids, times, cards).</summary>
    private static List<Activity> RecentMessages(Conversation conversation) =>
        [.. conversation.Since(Math.Max(0, conversation.Watermark - TranscriptActivities)).Activities.Where(a => a.Type == "message")];

    private async Task ShowTypingAsync(Conversation conversation, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TypingDelay, ct);
            while (!ct.IsCancellationRequested)
            {
                conversation.Broadcast(renderer.Typing(conversation));
                await Task.Delay(TypingRepeat, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The answer is ready.
        }
    }
}
