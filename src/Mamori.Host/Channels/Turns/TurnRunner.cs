using System.Collections.Concurrent;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Bot;
using Mamori.Host.Observability;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.Turns;

/// <summary>
/// Runs bot turns for every channel: one at a time per conversation, in arrival order, so a quick second message never
/// overtakes the first; a failed turn becomes the polite apology, never a lost message or a 500. Only the bot's
/// synchronous part holds one of the shared slots (<see cref="TurnsOptions.MaxConcurrentTurns"/>): a turn that goes on
/// to await I/O, such as a model call for a free question, gives its slot back and keeps no one waiting.
/// </summary>
public sealed class TurnRunner(
    IServiceProvider services, IOptions<TurnsOptions> options, IOptions<HostTexts> texts, MamoriMetrics metrics, ILogger<TurnRunner> logger)
{
    private readonly SemaphoreSlim _computeGate = new(options.Value.MaxConcurrentTurns is > 0 and var max ? max : 2 * Environment.ProcessorCount);
    private readonly ConcurrentDictionary<ConversationKey, Lane> _lanes = new();

    public async Task<TurnResult> RunAsync(ConversationKey conversation, Func<IConversationBot, Task<TurnResult>> turn, CancellationToken ct)
    {
        var lane = Enter(conversation);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await lane.Gate.WaitAsync(ct);
            try
            {
                Task<TurnResult> pending;
                await _computeGate.WaitAsync(ct);
                try
                {
                    // Resolved inside the try: a bot that cannot be built (bad data files) fails the turn politely.
                    pending = turn(services.GetRequiredService<IConversationBot>());
                }
                finally
                {
                    _computeGate.Release();
                }
                var result = await pending;
                metrics.Turn(conversation.TenantId, System.Diagnostics.Stopwatch.GetElapsedTime(started), result.Handoff is not null);
                return result;
            }
            finally
            {
                lane.Gate.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            TurnLog.TurnFailed(logger, ex, conversation.TenantId);
            return new TurnResult([BotReply.Plain(texts.Value.TurnFailed)]);
        }
        finally
        {
            Leave(conversation, lane);
        }
    }

    /// <summary>Conversations with a turn running or waiting; lanes are dropped when idle, so this cannot grow without bound.</summary>
    public int ActiveConversations => _lanes.Count;

    private Lane Enter(ConversationKey conversation)
    {
        while (true)
        {
            var lane = _lanes.GetOrAdd(conversation, static _ => new Lane());
            lock (lane)
            {
                if (!lane.Closed)
                {
                    lane.Users++;
                    return lane;
                }
            }
        }
    }

    private void Leave(ConversationKey conversation, Lane lane)
    {
        lock (lane)
        {
            if (--lane.Users > 0)
                return;
            lane.Closed = true;
        }
        _lanes.TryRemove(new KeyValuePair<ConversationKey, Lane>(conversation, lane));
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users;
        public bool Closed;
    }
}

internal static partial class TurnLog
{
    // The tenant only: webhook conversation ids carry user ids (LINE, Teams), which stay out of logs.
    [LoggerMessage(1, LogLevel.Error, "The bot failed a turn in a conversation of tenant {TenantId}; the user was told to try again.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string tenantId);
}
