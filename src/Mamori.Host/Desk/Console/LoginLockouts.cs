using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// Lockout with backoff for one login of one tenant: after <see cref="DeskConsoleOptions.FailuresBeforeLockout"/> wrong
/// passwords in a row the login is locked for a minute, and each further wrong password after a lock doubles it, up to
/// <see cref="DeskConsoleOptions.MaxLockoutMinutes"/>. A right password resets it. Where the per-minute limit still lets a
/// patient guesser try 7,200 passwords a day, this leaves a few dozen.
/// </summary>
/// <remarks>
/// In memory, for the embedded default (one host): a restart forgets the locks (the audit log keeps every failure).
/// Bounded: at most <see cref="MaxTracked"/> logins are tracked; beyond that the oldest unlocked ones are forgotten first.
/// With several hosts the count is shared in PostgreSQL (PostgresLoginLockouts), or a guesser spread over them would
/// get one allowance each.
/// </remarks>
internal sealed class LoginLockouts(TimeProvider clock, IOptions<DeskConsoleOptions> options) : ILoginLockouts
{
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);

    public Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct) => Task.FromResult(LockedFor(key));

    public Task<TimeSpan?> FailedAsync(string key, CancellationToken ct) => Task.FromResult(Failed(key));

    public Task SucceededAsync(string key, CancellationToken ct)
    {
        Succeeded(key);
        return Task.CompletedTask;
    }

    /// <summary>How long this login stays locked, or null when it may try.</summary>
    public TimeSpan? LockedFor(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        var left = entry.LockedUntil - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts a wrong password; returns the lock it starts, if it starts one.</summary>
    public TimeSpan? Failed(string key)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var entry = _entries.AddOrUpdate(key,
            _ => Next(new Entry(0, DateTimeOffset.MinValue, now), now, o),
            (_, old) => Next(old, now, o));
        Trim(now);
        return entry.LockedUntil > now ? entry.LockedUntil - now : null;
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    private static Entry Next(Entry old, DateTimeOffset now, DeskConsoleOptions o)
    {
        int failures = old.Failures + 1;
        return new Entry(failures, LockAfter(failures, now, o) ?? old.LockedUntil, now);
    }

    /// <summary>When the <paramref name="failures"/>-th wrong password in a row locks the login until; null when it does not yet.</summary>
    public static DateTimeOffset? LockAfter(int failures, DateTimeOffset now, DeskConsoleOptions o)
    {
        int beyond = failures - o.FailuresBeforeLockout;
        if (beyond < 0)
            return null;
        return now.AddMinutes(Math.Min(o.MaxLockoutMinutes, Math.Pow(2, Math.Min(beyond, 20))));
    }

    private void Trim(DateTimeOffset now)
    {
        if (_entries.Count <= MaxTracked)
            return;
        foreach (var (key, _) in _entries.Where(e => e.Value.LockedUntil <= now).OrderBy(e => e.Value.LastFailure).Take(_entries.Count - MaxTracked))
            _entries.TryRemove(key, out _);
    }
}
