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
/// In memory: a restart forgets the locks (the audit log keeps every failure). Bounded: at most
/// <see cref="MaxTracked"/> logins are tracked; beyond that the oldest unlocked ones are forgotten first.
/// </remarks>
internal sealed class LoginLockouts(TimeProvider clock, IOptions<DeskConsoleOptions> options)
{
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);

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
        int beyond = failures - o.FailuresBeforeLockout;
        if (beyond < 0)
            return new Entry(failures, old.LockedUntil, now);
        double minutes = Math.Min(o.MaxLockoutMinutes, Math.Pow(2, Math.Min(beyond, 20)));
        return new Entry(failures, now.AddMinutes(minutes), now);
    }

    private void Trim(DateTimeOffset now)
    {
        if (_entries.Count <= MaxTracked)
            return;
        foreach (var (key, _) in _entries.Where(e => e.Value.LockedUntil <= now).OrderBy(e => e.Value.LastFailure).Take(_entries.Count - MaxTracked))
            _entries.TryRemove(key, out _);
    }
}
