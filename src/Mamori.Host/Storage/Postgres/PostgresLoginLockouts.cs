using Mamori.Host.Desk.Console;
using Mamori.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mamori.Host.Storage.Postgres;

/// <summary>
/// The desk's login lockouts in PostgreSQL, shared by every host: the same rule as <see cref="LoginLockouts"/> (its
/// <see cref="LoginLockouts.LockAfter"/>), counted once across instances. A wrong password is one transaction holding
/// the login's row, so two failures at once on two hosts both count.
/// </summary>
internal sealed class PostgresLoginLockouts(NpgsqlDataSource database, TimeProvider clock, IOptions<DeskConsoleOptions> options) : ILoginLockouts
{
    /// <summary>The table this store needs (Migrations/login_lockouts/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresLoginLockouts).Assembly, "login_lockouts");

    /// <summary>A login with no wrong password for this long and no lock left is forgotten (the audit log keeps the failures).</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    public async Task<TimeSpan?> LockedForAsync(string key, CancellationToken ct)
    {
        var left = await database.ScalarAsync("SELECT locked_until FROM login_lockout WHERE key = $1", [key], ct) is DateTime until ? new DateTimeOffset(until, TimeSpan.Zero) - clock.GetUtcNow() : TimeSpan.Zero;
        return left > TimeSpan.Zero ? left : null;
    }

    public async Task<TimeSpan?> FailedAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        int failures;
        DateTimeOffset? lockedUntil;
        // The row is made if missing, then held: a concurrent failure on another host waits and counts after this one.
        await using (var count = new NpgsqlCommand("""
            INSERT INTO login_lockout AS l (key, failures, locked_until, last_failure) VALUES ($1, 1, NULL, $2)
            ON CONFLICT (key) DO UPDATE SET failures = l.failures + 1, last_failure = $2
            RETURNING failures, locked_until
            """, connection, transaction).With(key, now))
        {
            await using var reader = await count.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            failures = reader.GetInt32(0);
            lockedUntil = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
        }
        var lockNow = LoginLockouts.LockAfter(failures, now, options.Value);
        if (lockNow is { } until)
        {
            await using var lockIt = new NpgsqlCommand("UPDATE login_lockout SET locked_until = $2 WHERE key = $1", connection, transaction).With(key, until.ToUniversalTime());
            await lockIt.ExecuteNonQueryAsync(ct);
            lockedUntil = until;
        }
        await using (var forget = new NpgsqlCommand("DELETE FROM login_lockout WHERE last_failure < $1 AND (locked_until IS NULL OR locked_until < $2)", connection, transaction)
            .With(now - ForgetAfter, now))
            await forget.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return lockNow is not null && lockedUntil > now ? lockedUntil - now : null;
    }

    public async Task SucceededAsync(string key, CancellationToken ct)
    {
        await database.ExecuteAsync("DELETE FROM login_lockout WHERE key = $1", [key], ct);
    }
}
