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

    public void Seen(string tenantId) => _lastSeen[tenantId] = clock.GetUtcNow();

    public IDisposable Connected(string tenantId)
    {
        _connected.AddOrUpdate(tenantId, 1, (_, n) => n + 1);
        return new Connection(this, tenantId);
    }

    public bool IsPresent(string tenantId) =>
        _connected.TryGetValue(tenantId, out int n) && n > 0
        || _lastSeen.TryGetValue(tenantId, out var at) && clock.GetUtcNow() - at < Window;

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
