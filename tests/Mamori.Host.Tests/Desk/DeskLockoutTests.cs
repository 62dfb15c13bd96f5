using System.Net;
using Mamori.Desk.Audit;
using Mamori.Host.Desk.Console;
using Mamori.Host.Storage.Postgres;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Desk;

/// <summary>Wrong passwords in a row lock the login, for longer each time; the right password does not get through a lock.</summary>
public sealed class DeskLockoutTests
{
    [Fact]
    public async Task Wrong_passwords_in_a_row_lock_the_login_even_for_the_right_password_and_are_audited()
    {
        using var host = new DeskHost(new Dictionary<string, string?>
        {
            ["Mamori:Desk:Console:LoginsPerMinutePerAccount"] = "1000",
            ["Mamori:Desk:Console:FailuresBeforeLockout"] = "3",
        });
        var staff = await host.AddStaffAsync("default", "locked-out", "山田 次郎");
        var browser = host.NewBrowser();

        for (int i = 0; i < 2; i++)
        {
            using var wrong = await DeskHost.LoginAsync(browser, "default", "locked-out", "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var third = await DeskHost.LoginAsync(browser, "default", "locked-out", "guess-2");
        using var right = await DeskHost.LoginAsync(browser, "default", "locked-out", DeskHost.Password);

        foreach (var response in new[] { third, right })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Contains("このログインIDは1分間ロックされています", await response.Content.ReadAsStringAsync());
            Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("mamori-desk=", StringComparison.Ordinal));
        }
        var audit = await host.AuditAsync("default");
        Assert.Contains(audit, e => e.Action == AuditAction.LoginLocked && e.StaffId == staff.Id);

        // Another login of the desk can still sign in.
        await host.AddStaffAsync("default", "not-locked", "別の 人");
        await host.SignedInAsync("default", "not-locked");
    }

    [Theory, InlineData("memory"), PostgresData]
    public async Task Each_lock_after_the_first_is_twice_as_long_up_to_the_limit_and_the_right_password_resets_it(string kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var postgres = new InstancesOnOneDatabase(PostgresLoginLockouts.Migrations);
        var lockouts = kind == "memory" ? new LoginLockouts(clock, Options.Create(Rule)) : await OnPostgresAsync(postgres, clock);

        Assert.Null(await lockouts.FailedAsync("a", default));
        Assert.Null(await lockouts.FailedAsync("a", default));
        var locks = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var started = await lockouts.FailedAsync("a", default);
            Assert.NotNull(started);
            Assert.Equal(started, await lockouts.LockedForAsync("a", default));
            locks.Add(started.Value.TotalMinutes);
            clock.Advance(started.Value);
            Assert.Null(await lockouts.LockedForAsync("a", default));
        }
        Assert.Equal([1, 2, 4, 5, 5], locks);

        await lockouts.SucceededAsync("a", default);
        Assert.Null(await lockouts.FailedAsync("a", default));
        Assert.Null(await lockouts.LockedForAsync("b", default));
    }

    [PostgresFact]
    public async Task Wrong_passwords_spread_over_two_hosts_lock_the_login_on_both_as_soon_as_on_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var postgres = new InstancesOnOneDatabase(PostgresLoginLockouts.Migrations);
        var hostA = await OnPostgresAsync(postgres, clock);
        var hostB = await OnPostgresAsync(postgres, clock);

        // Three guessers at once, on either host: every failure counts.
        var first = await Task.WhenAll(hostA.FailedAsync("chamber\nsato", default), hostB.FailedAsync("chamber\nsato", default));
        Assert.All(first, Assert.Null);
        var third = await hostA.FailedAsync("chamber\nsato", default);
        Assert.Equal(TimeSpan.FromMinutes(1), third);
        Assert.Equal(TimeSpan.FromMinutes(1), await hostB.LockedForAsync("chamber\nsato", default));
        Assert.Null(await hostB.LockedForAsync("chamber\nsuzuki", default));
    }

    private static readonly DeskConsoleOptions Rule = new() { FailuresBeforeLockout = 3, MaxLockoutMinutes = 5 };

    private static async Task<ILoginLockouts> OnPostgresAsync(InstancesOnOneDatabase postgres, FakeTimeProvider clock) =>
        new PostgresLoginLockouts(await postgres.HostAsync(), clock, Options.Create(Rule));
}
