using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Mamori.Host.Access;
using Mamori.Storage.Postgres;
using Npgsql;

namespace Mamori.Host.Storage.Postgres;

/// <summary>
/// The revocations in PostgreSQL, shared by every host instance behind one signing key: a refreshed token or a used
/// streamUrl is refused by all of them at once. The same grace, expiry and capacity as <see cref="TokenRevocations"/>.
/// </summary>
/// <remarks>
/// A revocation is one INSERT … ON CONFLICT DO NOTHING on the token's key, so of two instances racing to open one
/// streamUrl exactly one wins. The check runs on every Direct Line request: it is one primary-key lookup, and a
/// revocation once seen is kept in process (a revocation never changes, so the copy cannot go stale); what is not
/// revoked is asked again every time, since another instance may revoke it at any moment.
/// </remarks>
internal sealed class PostgresTokenRevocations(NpgsqlDataSource database, TimeProvider clock, int capacity) : ITokenRevocations
{
    /// <summary>The table this store needs (Storage/Postgres/Migrations/token_revocations/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresTokenRevocations).Assembly, "token_revocations");

    /// <summary>Bound on the revocations kept in process: about 1 MB; when full it starts over (the database has them all).</summary>
    private const int MaxSeen = 10_000;

    /// <summary>How often this instance deletes the rows of tokens that have expired.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Revocation> _seen = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public async Task<bool> TryRevokeAsync(string token, DateTime validTo, TimeSpan grace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await SweepAsync(now, cancellationToken);
        // The token's exp is UTC; Npgsql writes timestamptz from a UTC DateTime only.
        var revocation = new Revocation(now + grace, DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        // Only live rows count against the capacity, so a full table of expired ones never refuses; the count stops at
        // the capacity, so a full table costs one bounded index scan.
        await using var command = database.CreateCommand("""
            INSERT INTO token_revocation (signature_hash, revoked_from, valid_until)
            SELECT $1, $2, $3
            WHERE (SELECT count(*) FROM (SELECT 1 FROM token_revocation WHERE valid_until > $4 LIMIT $5) live) < $5
            ON CONFLICT (signature_hash) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = revocation.From });
        command.Parameters.Add(new NpgsqlParameter { Value = revocation.Until });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)capacity });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            return false;
        Remember(token, revocation);
        return true;
    }

    public async ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_seen.TryGetValue(TokenRevocations.Signature(token), out var seen))
            return now >= seen.From;
        await using var command = database.CreateCommand("SELECT revoked_from, valid_until FROM token_revocation WHERE signature_hash = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Hash(token) });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
            return false;
        var revocation = new Revocation(row.GetDateTime(0), row.GetDateTime(1));
        Remember(token, revocation);
        return now >= revocation.From;
    }

    private void Remember(string token, Revocation revocation)
    {
        if (_seen.Count >= MaxSeen)
            _seen.Clear();
        _seen[TokenRevocations.Signature(token)] = revocation;
    }

    /// <summary>Deletes the rows of expired tokens, at most once a <see cref="SweepInterval"/> per instance.</summary>
    private async Task SweepAsync(DateTime now, CancellationToken cancellationToken)
    {
        long last = Interlocked.Read(ref _lastSweepTicks);
        if (now.Ticks - last < SweepInterval.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.Ticks, last) != last)
            return;
        await using var command = database.CreateCommand("DELETE FROM token_revocation WHERE valid_until <= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (key, seen) in _seen)
        {
            if (seen.Until <= now)
                _seen.TryRemove(key, out _);
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(TokenRevocations.Signature(token)));

    private readonly record struct Revocation(DateTime From, DateTime Until);
}
