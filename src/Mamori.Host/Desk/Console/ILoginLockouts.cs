namespace Mamori.Host.Desk.Console;

/// <summary>
/// Wrong passwords in a row per login of a tenant, and the lock with backoff they start (<see cref="LoginLockouts"/> has
/// the rule). The key is the tenant and the login as compared (StaffAccount.LoginKey).
/// </summary>
internal interface ILoginLockouts
{
    /// <summary>How long this login stays locked, or null when it may try.</summary>
    Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct);

    /// <summary>Counts a wrong password; returns the lock it starts, if it starts one.</summary>
    Task<TimeSpan?> FailedAsync(string key, CancellationToken ct);

    /// <summary>The right password: the count starts over.</summary>
    Task SucceededAsync(string key, CancellationToken ct);
}
