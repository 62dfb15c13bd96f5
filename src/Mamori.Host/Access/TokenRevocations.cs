using System.Collections.Concurrent;

namespace Mamori.Host.Access;

/// <summary>
/// The revocations in this process's memory: with several instances behind one signing key a token revoked on one is
/// still accepted by another, so shared deployments use the PostgreSQL store instead.
/// </summary>
internal sealed class TokenRevocations(TimeProvider clock, int capacity) : ITokenRevocations
{
    /// <summary>Bound on revoked tokens still within their lifetime: about 10 MB here.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Revocation> _revoked = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public Task<bool> TryRevokeAsync(string token, DateTime validTo, TimeSpan grace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_revoked.Count >= capacity && !Sweep(now))
            return Task.FromResult(false);
        return Task.FromResult(_revoked.TryAdd(Signature(token), new Revocation(now + grace, validTo)));
    }

    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_revoked.TryGetValue(Signature(token), out var revocation) && clock.GetUtcNow().UtcDateTime >= revocation.From);

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

    /// <summary>The signature alone identifies a token we signed: no two tokens share it, and it is a quarter of the token's size.</summary>
    public static string Signature(string token) => token[(token.LastIndexOf('.') + 1)..];

    private readonly record struct Revocation(DateTime From, DateTime Until);
}
