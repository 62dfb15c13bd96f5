using System.Collections.Concurrent;

namespace Mamori.Host.Access;

/// <summary>
/// Tokens that stopped working before their expiry: a conversation token once it has been refreshed (after a grace for
/// requests already on their way), a stream token once it has opened its WebSocket. An entry is kept only until the
/// token would have expired anyway, and the set is bounded: when it is full of live entries, <see cref="TryRevoke"/>
/// says no and the caller refuses the request instead of letting the set grow.
/// Per process: with several instances behind one signing key a token revoked on one is still accepted by another.
/// </summary>
internal sealed class TokenRevocations(TimeProvider clock, int capacity)
{
    private readonly ConcurrentDictionary<string, Revocation> _revoked = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public int Count => _revoked.Count;

    /// <summary>
    /// Revokes <paramref name="token"/> from <paramref name="grace"/> from now until it expires. False when it was already
    /// revoked (a second refresh, a second socket) or when the set is full.
    /// </summary>
    public bool TryRevoke(string token, DateTime validTo, TimeSpan grace)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_revoked.Count >= capacity && !Sweep(now))
            return false;
        return _revoked.TryAdd(Key(token), new Revocation(now + grace, validTo));
    }

    public bool IsRevoked(string token) =>
        _revoked.TryGetValue(Key(token), out var revocation) && clock.GetUtcNow().UtcDateTime >= revocation.From;

    /// <summary>Drops entries of tokens that have expired; true when that made room. At most once a second.</summary>
    private bool Sweep(DateTime now)
    {
        long last = Interlocked.Read(ref _lastSweepTicks);
        if (now.Ticks - last >= TimeSpan.TicksPerSecond && Interlocked.CompareExchange(ref _lastSweepTicks, now.Ticks, last) == last)
        {
            foreach (var (key, revocation) in _revoked)
            {
                if (revocation.Until <= now)
                    _revoked.TryRemove(key, out _);
            }
        }
        return _revoked.Count < capacity;
    }

    // The signature alone identifies a token we signed: no two tokens share it, and it is a quarter of the token's size.
    private static string Key(string token) => token[(token.LastIndexOf('.') + 1)..];

    private readonly record struct Revocation(DateTime From, DateTime Until);
}
