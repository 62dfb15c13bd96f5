using System.Collections.Concurrent;

namespace Mamori.Host.Desk.Live;

/// <summary>
/// Whether someone at a desk is at the console now: a page or a live connection within the last two minutes. Only then
/// is an owner told a person will answer in the chat; otherwise Mamori says nobody can at the moment and asks how to
/// get back to them.
/// </summary>
internal sealed class DeskPresence(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _connected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seenElsewhere = new(StringComparer.Ordinal);

    public void Seen(string tenantId) => _lastSeen[tenantId] = clock.GetUtcNow();

    /// <summary>Another host on the database says someone is at this desk's console there (<see cref="PostgresDeskRelay"/>).</summary>
    public void SeenElsewhere(string tenantId) => _seenElsewhere[tenantId] = clock.GetUtcNow();

    /// <summary>The desks someone is at on this host: what the relay tells the other hosts.</summary>
    public IEnumerable<string> PresentHere() =>
        _connected.Where(c => c.Value > 0).Select(c => c.Key)
            .Union(_lastSeen.Where(s => clock.GetUtcNow() - s.Value < Window).Select(s => s.Key), StringComparer.Ordinal);

    public IDisposable Connected(string tenantId)
    {
        _connected.AddOrUpdate(tenantId, 1, (_, n) => n + 1);
        return new Connection(this, tenantId);
    }

    public bool IsPresent(string tenantId) =>
        _connected.TryGetValue(tenantId, out int n) && n > 0
        || _lastSeen.TryGetValue(tenantId, out var at) && clock.GetUtcNow() - at < Window
        || _seenElsewhere.TryGetValue(tenantId, out var there) && clock.GetUtcNow() - there < Window;

    private sealed class Connection(DeskPresence owner, string tenantId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner._connected.AddOrUpdate(tenantId, 0, (_, n) => Math.Max(0, n - 1));
                owner.Seen(tenantId);
            }
        }
    }
}
