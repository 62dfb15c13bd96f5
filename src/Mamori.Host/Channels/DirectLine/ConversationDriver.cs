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
/// accepted user turn in order, one at a time per conversation, on whichever host holds its pump lease. While the bot works a typing indicator is shown; a
/// failure becomes a polite message, never a lost turn or a crashed host.
/// </summary>
internal sealed class ConversationDriver(
    TurnRunner runner,
    ReplyPublisher publisher,
    ReplyRenderer renderer,
    TenantCatalog tenants,
    HandoffInitiation handoffs,
    HubStatus hubStatus,
    IDirectLineStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider clock,
    IOptions<HostTexts> texts,
    IHostApplicationLifetime lifetime,
    ILogger<ConversationDriver> logger)
{
    /// <summary>Typing shows only when the bot takes longer than this, so quick answers don't flicker.</summary>
    private static readonly TimeSpan TypingDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TypingRepeat = TimeSpan.FromSeconds(3);

    /// <summary>Activities of the stream a handoff's transcript looks back over; well under Direct Line's 256K-character activity limit.</summary>
    private const int TranscriptActivities = 40;

    /// <summary>
    /// Answers the conversation's inbox, the greeting first, one turn at a time and in order, unless this host is doing
    /// so already (then it looks again before it stops). Across hosts the store's pump lease lets one answer at a time:
    /// a host that does not get it leaves its turns to the one that has it, whose lease is given up only with an empty inbox.
    /// </summary>
    public void Pump(Conversation conversation)
    {
        if (conversation.TryStartPumping())
            _ = Task.Run(() => PumpAsync(conversation));
    }

    /// <summary>A hub's handoff.status, in line with the conversation's turns; what the owner is told follows its echo.</summary>
    public void ApplyHubStatus(Conversation conversation, string echoId, HandoffStatus status) =>
        _ = Task.Run(() => RunTurnAsync(conversation, echoId, answered: null, _ => hubStatus.ApplyAsync(conversation.Key, status, lifetime.ApplicationStopping), lifetime.ApplicationStopping));

    private async Task PumpAsync(Conversation conversation)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await AnswerWhileLeasedAsync(conversation, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what is left stays in the inbox for the next start.
        }
        catch (Exception ex)
        {
            // The store failed (the database is away?): the turns stay in the inbox, and the sweep tries again once the lease lapses.
            DirectLineLog.PumpFailed(logger, ex, conversation.Id);
            return;
        }
        finally
        {
            if (conversation.StopPumping() && !ct.IsCancellationRequested)
                Pump(conversation);
        }
    }

    /// <summary>
    /// Takes the lease, answers the inbox, gives the lease up. Without the lease another host answers: its release would
    /// fail while this host's turns wait, so it reads them.
    /// </summary>
    private async Task AnswerWhileLeasedAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.PumpLooking();
        if (!await store.TryLeaseAsync(conversation.Id, LeaseEnd(), ct))
            return;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewLeaseAsync(conversation.Id, renewing.Token);
        try
        {
            int? attempted = null;
            while (await NextTurnAsync(conversation, ct) is { } turn)
            {
                // The same turn again: its answer could not be stored. It stays in the inbox for a later sweep, not in a tight loop.
                if (turn.EchoIndex == attempted)
                    return;
                attempted = turn.EchoIndex;
                await AnswerAsync(conversation, turn, ct);
            }
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    /// <summary>
    /// The next turn from this host's copy; when it has none the lease is given up, unless the store's inbox still holds
    /// turns (accepted on another host, which has not told this one yet): those are read, and answered. Null: released.
    /// </summary>
    private async Task<InboxTurn?> NextTurnAsync(Conversation conversation, CancellationToken ct)
    {
        if (conversation.NextTurn() is { } known)
            return known;
        if (await store.TryReleaseLeaseAsync(conversation.Id, ct))
            return null;
        await conversation.CatchUpAsync(ct);
        return conversation.NextTurn();
    }

    private Task AnswerAsync(Conversation conversation, InboxTurn turn, CancellationToken ct)
    {
        if (turn.IsStart)
            return RunStartAsync(conversation, turn.ChannelId, ct);
        var incoming = new IncomingTurn(conversation.Key, turn.UserId, turn.Text, turn.ChannelId, Route: DirectLineOwnerChannel.RouteOf(conversation));
        return RunTurnAsync(conversation, conversation.ActivityIdAt(turn.EchoIndex), turn.EchoIndex, bot => bot.HandleAsync(incoming, ct), ct);
    }

    private Task RunStartAsync(Conversation conversation, string channelId, CancellationToken ct)
    {
        List<Activity> greeting = [];
        if (tenants.Find(conversation.Key.TenantId)?.Options.Greeting is { Length: > 0 } text)
            greeting.Add(renderer.Plain(conversation, null, text));

        // The greeting is stored with the bot's first reply, so a restart in between shows neither twice.
        return RunTurnAsync(conversation, null, InboxTurn.StartTurn, bot => bot.StartAsync(conversation.Key, conversation.UserId, channelId, ct), ct, greeting);
    }

    /// <summary>Keeps the lease while a turn takes long (a model's answer): renewed every third of its length.</summary>
    private async Task RenewLeaseAsync(string conversationId, CancellationToken ct)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.PumpLease / 3);
            while (await timer.WaitForNextTickAsync(ct))
                await store.TryLeaseAsync(conversationId, LeaseEnd(), ct);
        }
        catch (OperationCanceledException)
        {
            // The pump gave the lease up, or the host stops.
        }
        catch (Exception ex)
        {
            // The store is away: the lease lapses, and another host (or this one's sweep) answers what is left.
            DirectLineLog.PumpFailed(logger, ex, conversationId);
        }
    }

    private DateTimeOffset LeaseEnd() => clock.GetUtcNow() + options.Value.PumpLease;

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
