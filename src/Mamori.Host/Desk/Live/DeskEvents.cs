using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Mamori.Host.Desk.Live;

/// <summary>Something changed in a case: a console showing it reads it again from the store.</summary>
/// <param name="Sequence">For <see cref="DeskEventKind.Message"/>, the message's number in the case chat.</param>
public sealed record DeskEvent(string TenantId, string CaseId, DeskEventKind Kind, long Sequence = 0)
{
    /// <summary>Told by another host on the database (<see cref="PostgresDeskRelay"/>): shown here, not sent back.</summary>
    public bool FromAnotherHost { get; init; }
}

public enum DeskEventKind
{
    /// <summary>Opened, taken, transferred, closed or cancelled.</summary>
    CaseChanged,
    Message,
}

/// <summary>
/// Tells the consoles connected to this process what changed in their desk's cases. The events are hints, not the data:
/// a console asks the store for the messages after the last one it shows, so an event dropped by a slow console (its
/// queue is bounded) or missed while it reconnects loses nothing, and one read twice shows nothing twice.
/// </summary>
internal sealed class DeskEvents
{
    private const int QueuedPerListener = 64;

    /// <summary>The relay to other hosts hears every desk's events: a bigger queue, as it is one for all.</summary>
    private const int QueuedForAll = 4096;
    private readonly ConcurrentDictionary<Listener, byte> _listeners = new();

    public int ListenerCount => _listeners.Count;

    public Listener Listen(string tenantId) => Add(new Listener(tenantId, QueuedPerListener, this));

    /// <summary>Every desk's events (the relay to the other hosts).</summary>
    public Listener ListenAll() => Add(new Listener(null, QueuedForAll, this));

    private Listener Add(Listener listener)
    {
        _listeners[listener] = 0;
        return listener;
    }

    public void Publish(DeskEvent change)
    {
        foreach (var listener in _listeners.Keys)
        {
            if (listener.TenantId is null || listener.TenantId == change.TenantId)
                listener.Queue.Writer.TryWrite(change);
        }
    }

    /// <summary>One connected console: its desk's events, until disposed.</summary>
    public sealed class Listener(string? tenantId, int capacity, DeskEvents owner) : IDisposable
    {
        /// <summary>Null: every desk.</summary>
        public string? TenantId { get; } = tenantId;

        internal Channel<DeskEvent> Queue { get; } = Channel.CreateBounded<DeskEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelReader<DeskEvent> Events => Queue.Reader;

        public void Dispose()
        {
            owner._listeners.TryRemove(this, out _);
            Queue.Writer.TryComplete();
        }
    }
}
