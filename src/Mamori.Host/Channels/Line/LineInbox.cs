using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// Where the webhook leaves its events so it can answer LINE at once: each person's events are answered one after the
/// other in the order they came, different people's side by side, a few at a time (<see cref="LineOptions.MaxConcurrentEvents"/>). Bounded: beyond <see cref="LineOptions.MaxPendingEvents"/>
/// a webhook is refused whole (LINE sends it again); an event LINE redelivers after it was accepted is dropped by its
/// webhookEventId.
/// </summary>
internal sealed class LineInbox(LineTurns turns, IOptions<LineOptions> options, IHostApplicationLifetime lifetime, ILogger<LineInbox> logger)
{
    private const int EventIdsRemembered = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();
    private readonly SemaphoreSlim _working = new(options.Value.MaxConcurrentEvents is > 0 and var max ? max : Environment.ProcessorCount);
    private int _pending;

    /// <summary>Events accepted and not yet answered.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>False when the inbox is full: nothing of this webhook was taken.</summary>
    public bool TryAccept(IReadOnlyList<LineWork> works)
    {
        lock (_gate)
        {
            var fresh = works.Where(w => w.Event.WebhookEventId is not { Length: > 0 } id || !_seen.Contains(id)).ToList();
            if (Pending + fresh.Count > options.Value.MaxPendingEvents)
            {
                LineLog.Busy(logger, options.Value.MaxPendingEvents);
                return false;
            }
            foreach (var work in fresh)
            {
                if (!Remember(work.Event.WebhookEventId))
                    continue;   // the same event twice in one webhook
                Interlocked.Increment(ref _pending);
                _tails.TryGetValue(work.OrderKey, out var previous);
                var tail = RunAfterAsync(previous, work);
                _tails[work.OrderKey] = tail;
                _ = tail.ContinueWith(done => Forget(work.OrderKey, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            return true;
        }
    }

    private async Task RunAfterAsync(Task? previous, LineWork work)
    {
        // Always off the webhook's thread (and out of the lock); after the same person's earlier event, whatever became of it.
        await (previous ?? Task.CompletedTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        bool working = false;
        try
        {
            await _working.WaitAsync(lifetime.ApplicationStopping);
            working = true;
            await turns.HandleAsync(work, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down: with redelivery on, LINE sends the event again to the next instance.
        }
        catch (Exception ex)
        {
            LineLog.EventFailed(logger, ex, work.Tenant.Id);
        }
        finally
        {
            if (working)
                _working.Release();
            Interlocked.Decrement(ref _pending);
        }
    }

    private void Forget(string orderKey, Task done)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(orderKey, out var tail) && tail == done)
                _tails.Remove(orderKey);
        }
    }

    private bool Remember(string? eventId)
    {
        if (eventId is not { Length: > 0 })
            return true;
        if (!_seen.Add(eventId))
            return false;
        _seenOrder.Enqueue(eventId);
        if (_seenOrder.Count > EventIdsRemembered)
            _seen.Remove(_seenOrder.Dequeue());
        return true;
    }
}
