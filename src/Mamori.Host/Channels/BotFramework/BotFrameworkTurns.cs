using System.Collections.Concurrent;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework.Connector;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Channels.Turns;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Tenants;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.BotFramework;

/// <summary>
/// Answers Bot Framework activities: runs the turn (one at a time per conversation), publishes and renders the replies,
/// and either hands them back for the HTTP response (expectReplies) or sends them through the Connector in order, with a
/// typing indicator while the bot is slow.
/// </summary>
internal sealed class BotFrameworkTurns(
    TurnRunner runner,
    ReplyPublisher publisher,
    BotFrameworkRenderer renderer,
    ConnectorClient connector,
    TenantCatalog tenants,
    HandoffInitiation handoffs,
    HubStatus hubStatus,
    IOptions<BotFrameworkOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<BotFrameworkTurns> logger)
{
    private static readonly TimeSpan TypingDelay = TimeSpan.FromSeconds(1);

    // Teams sends both conversationUpdate and installationUpdate when the bot is added; the welcome goes out once.
    private static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(10);
    private const int MaxWelcomesRemembered = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _welcomed = new(StringComparer.Ordinal);
    private int _background;

    public async Task<IReadOnlyList<Activity>> AnswerAsync(Activity inbound, Inbound what, Uri publicBase, CancellationToken ct)
    {
        if (what.Kind == InboundKind.Welcome && !FirstWelcome(inbound))
            return [];

        var key = KeyOf(inbound);
        string userId = inbound.From?.Id ?? "unknown";
        string channelId = inbound.ChannelId ?? "msteams";
        string tenant = options.Value.MamoriTenant;
        var result = await runner.RunAsync(key, bot => what switch
        {
            { Kind: InboundKind.Welcome } => bot.StartAsync(key, userId, channelId, ct),
            { Kind: InboundKind.HubStatus, Status: { } status } => hubStatus.ApplyAsync(key, status, ct),
            _ => bot.HandleAsync(new IncomingTurn(key, userId, what.Text, channelId, Route: ConnectorOwnerChannel.RouteOf(inbound)), ct),
        }, ct);

        var replies = new List<BotReply>();
        if (what.Kind == InboundKind.Welcome && tenants.Find(tenant)?.Options.Greeting is { Length: > 0 } greeting)
            replies.Add(BotReply.Plain(greeting));
        replies.AddRange(result.Replies);

        var audience = new ReplyAudience(key, userId, publicBase);
        List<Activity> activities = [.. (await publisher.PublishTurnAsync(replies, audience, ct)).SelectMany(published => renderer.Render(published, inbound))];
        // After the owner-facing reply: the hub listening on the channel takes the conversation from here.
        if (await handoffs.ForAsync(result, inbound.Recipient ?? new ChannelAccount(), recent: null, ct) is { } initiate)
            activities.Add(BotFrameworkRenderer.Reply(inbound, initiate));
        return activities;
    }

    /// <summary>False when too many turns already wait: the channel gets 429 and sends the activity again.</summary>
    public bool TryAnswerInBackground(Activity inbound, Inbound what, Uri publicBase)
    {
        if (Interlocked.Increment(ref _background) > options.Value.MaxBackgroundTurns)
        {
            Interlocked.Decrement(ref _background);
            return false;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await AnswerThroughConnectorAsync(inbound, what, publicBase, lifetime.ApplicationStopping);
            }
            finally
            {
                Interlocked.Decrement(ref _background);
            }
        });
        return true;
    }

    private async Task AnswerThroughConnectorAsync(Activity inbound, Inbound what, Uri publicBase, CancellationToken ct)
    {
        string serviceUrl = inbound.ServiceUrl!;
        string conversationId = inbound.Conversation!.Id!;
        using var answered = new CancellationTokenSource();
        var typing = TypingAsync(inbound, answered.Token);
        try
        {
            var activities = await AnswerAsync(inbound, what, publicBase, ct);
            answered.Cancel();
            await typing;
            foreach (var activity in activities)
                await connector.SendAsync(serviceUrl, conversationId, activity, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the channel's own retry brings the activity back.
        }
        catch (ConnectorException ex)
        {
            BotFrameworkLog.SendFailed(logger, ex, options.Value.MamoriTenant, ex.StatusCode);
        }
        finally
        {
            answered.Cancel();
            await typing;
        }
    }

    // One typing indicator after a second, and again every 3 s (Teams' own pace) until the answer is ready.
    private async Task TypingAsync(Activity inbound, CancellationToken answered)
    {
        try
        {
            await Task.Delay(TypingDelay, clock, answered);
            while (!answered.IsCancellationRequested)
            {
                await connector.SendAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, BotFrameworkRenderer.Typing(inbound), answered);
                await Task.Delay(TimeSpan.FromSeconds(3), clock, answered);
            }
        }
        catch (OperationCanceledException)
        {
            // The answer is ready.
        }
        catch (ConnectorException ex)
        {
            BotFrameworkLog.SendFailed(logger, ex, options.Value.MamoriTenant, ex.StatusCode);
        }
    }

    /// <summary>
    /// One diagnosis per person: in a personal chat the conversation is the person; in a group chat or channel each
    /// member who talks to the bot has their own state within that conversation (or thread).
    /// </summary>
    private ConversationKey KeyOf(Activity inbound)
    {
        string conversation = $"{inbound.ChannelId}:{inbound.Conversation!.Id}";
        if (!BotFrameworkRenderer.IsPersonal(inbound) && inbound.From?.Id is { } user)
            conversation += "|" + user;
        return new ConversationKey(options.Value.MamoriTenant, conversation);
    }

    private bool FirstWelcome(Activity inbound)
    {
        var now = clock.GetUtcNow();
        string conversation = $"{inbound.ChannelId}:{inbound.Conversation!.Id}";
        if (_welcomed.TryGetValue(conversation, out var at) && now - at < WelcomeWindow)
            return false;
        if (_welcomed.Count >= MaxWelcomesRemembered)
        {
            foreach (var (id, when) in _welcomed)
            {
                if (now - when >= WelcomeWindow)
                    _welcomed.TryRemove(id, out _);
            }
            if (_welcomed.Count >= MaxWelcomesRemembered)
                _welcomed.Clear();
        }
        _welcomed[conversation] = now;
        return true;
    }
}
