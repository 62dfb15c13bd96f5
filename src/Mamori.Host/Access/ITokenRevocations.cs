namespace Mamori.Host.Access;

/// <summary>
/// Tokens that stopped working before their expiry: a conversation token once it has been refreshed (after a grace for
/// requests already on their way), a stream token once it has opened its WebSocket. An entry is kept only until the
/// token would have expired anyway, and the set is bounded (<see cref="TokenRevocations.Capacity"/> live entries): when
/// it is full, <see cref="TryRevokeAsync"/> says no and the caller refuses the request instead of letting the set grow.
/// </summary>
/// <remarks>
/// <see cref="TokenRevocations"/> (one process) by default; with <c>Storage:Provider=postgres</c> the revocations are
/// shared, so a token revoked on one instance is refused by every other at once.
/// </remarks>
public interface ITokenRevocations
{
    /// <summary>
    /// Revokes <paramref name="token"/> from <paramref name="grace"/> from now until <paramref name="validTo"/>. False when
    /// it was already revoked (a second refresh, a second socket: exactly one of two racing calls wins) or when the set is full.
    /// </summary>
    Task<bool> TryRevokeAsync(string token, DateTime validTo, TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>True once a revocation's grace has passed. Asked on every request a token makes.</summary>
    ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken);
}
