using Mamori.Host.Access;
using Mamori.Host.Storage.Postgres;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Access;

/// <summary>One contract for every revocation store: what the token refresh and the single-use streamUrl rely on.</summary>
public sealed class TokenRevocationsContractTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly InstancesOnOneDatabase _postgres = new(PostgresTokenRevocations.Migrations);

    public static TheoryData<string> Stores => ["memory"];

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
    }

    /// <summary>In PostgreSQL each call is another instance (a data source of its own) on the test's one database.</summary>
    private async Task<ITokenRevocations> OpenAsync(string kind, int capacity = TokenRevocations.Capacity)
    {
        if (kind == "memory")
            return new TokenRevocations(_clock, capacity);
        var host = await _postgres.HostAsync();
        return new PostgresTokenRevocations(host, _clock, capacity);
    }

    private static string Token(int n) => $"eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoiYzEifQ.signature-{n}";

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_token_revoked_without_grace_is_refused_at_once_and_revokes_only_once(string kind)
    {
        var store = await OpenAsync(kind);
        Assert.False(await store.IsRevokedAsync(Token(1), CancellationToken.None));
        Assert.True(await store.TryRevokeAsync(Token(1), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));
        Assert.True(await store.IsRevokedAsync(Token(1), CancellationToken.None));
        Assert.False(await store.TryRevokeAsync(Token(1), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));
        Assert.False(await store.IsRevokedAsync(Token(2), CancellationToken.None));
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_refreshed_token_keeps_working_through_its_grace(string kind)
    {
        var store = await OpenAsync(kind);
        Assert.True(await store.TryRevokeAsync(Token(1), Now.AddMinutes(30), TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.False(await store.IsRevokedAsync(Token(1), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await store.IsRevokedAsync(Token(1), CancellationToken.None));
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task When_full_of_live_revocations_it_says_no_and_makes_room_once_they_expire(string kind)
    {
        var store = await OpenAsync(kind, capacity: 2);
        Assert.True(await store.TryRevokeAsync(Token(1), Now.AddMinutes(10), TimeSpan.Zero, CancellationToken.None));
        Assert.True(await store.TryRevokeAsync(Token(2), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));
        Assert.False(await store.TryRevokeAsync(Token(3), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(10));   // token 1 has expired: its place is free
        Assert.True(await store.TryRevokeAsync(Token(3), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));
        Assert.False(await store.TryRevokeAsync(Token(4), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));
        Assert.True(await store.IsRevokedAsync(Token(2), CancellationToken.None));
    }

    [PostgresFact]
    public async Task A_token_revoked_on_one_instance_is_refused_by_another_at_once_and_after_its_grace()
    {
        var a = await OpenAsync("postgres");
        var b = await OpenAsync("postgres");
        Assert.False(await b.IsRevokedAsync(Token(1), CancellationToken.None));   // asked before: B must not remember "not revoked"
        Assert.True(await a.TryRevokeAsync(Token(1), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));
        Assert.True(await b.IsRevokedAsync(Token(1), CancellationToken.None));
        Assert.False(await b.TryRevokeAsync(Token(1), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));

        Assert.True(await a.TryRevokeAsync(Token(2), Now.AddMinutes(30), TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.False(await b.IsRevokedAsync(Token(2), CancellationToken.None));   // B has seen the revocation in its grace
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await b.IsRevokedAsync(Token(2), CancellationToken.None));
    }

    [PostgresFact]
    public async Task A_single_use_revocation_raced_from_two_instances_succeeds_exactly_once()
    {
        var a = await OpenAsync("postgres");
        var b = await OpenAsync("postgres");
        for (int n = 0; n < 20; n++)
        {
            var token = Token(n);
            var tries = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
                (i % 2 == 0 ? a : b).TryRevokeAsync(token, Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None)));
            Assert.Single(await Task.WhenAll(tries), won => won);
        }
    }

    [PostgresFact]
    public async Task Expired_revocations_are_deleted_from_the_table()
    {
        var store = await OpenAsync("postgres");
        Assert.True(await store.TryRevokeAsync(Token(1), Now.AddMinutes(5), TimeSpan.Zero, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await store.TryRevokeAsync(Token(2), Now.AddMinutes(30), TimeSpan.Zero, CancellationToken.None));

        await using var rows = (await _postgres.HostAsync()).CreateCommand("SELECT count(*) FROM token_revocation");
        Assert.Equal(1L, await rows.ExecuteScalarAsync());
    }
}
