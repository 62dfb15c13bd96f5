using Mamori.Core.Dialogs;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Storage.Postgres;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Desk.Hubs;

/// <summary>
/// A hub's hold ends with its handoff.status, or by itself after Desk:Hub:MaxHold, so no owner waits for a hub that forgot
/// them; in memory (one host) and in PostgreSQL (shared by every host).
/// </summary>
public sealed class HubHoldsTests : IAsyncLifetime
{
    private static readonly ConversationKey Conversation = new("chamber", "c-1");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly InstancesOnOneDatabase _postgres = new(PostgresHubHolds.Migrations);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Theory, InlineData("memory"), PostgresData]
    public async Task A_hold_lasts_until_released_and_a_second_release_says_nothing_was_held(string kind)
    {
        var holds = await OpenAsync(kind, new HubOptions());

        await holds.HoldAsync(Conversation, default);

        Assert.True(await holds.IsHeldAsync(Conversation, default));
        Assert.False(await holds.IsHeldAsync(Conversation with { ConversationId = "c-2" }, default));
        Assert.False(await holds.IsHeldAsync(Conversation with { TenantId = "other" }, default));
        Assert.True(await holds.ReleaseAsync(Conversation, default));
        Assert.False(await holds.IsHeldAsync(Conversation, default));
        Assert.False(await holds.ReleaseAsync(Conversation, default));
    }

    [Theory, InlineData("memory"), PostgresData]
    public async Task After_max_hold_the_bot_answers_again_and_a_late_status_finds_nothing_held(string kind)
    {
        var holds = await OpenAsync(kind, new HubOptions { MaxHold = TimeSpan.FromHours(1) });
        await holds.HoldAsync(Conversation, default);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(await holds.IsHeldAsync(Conversation, default));
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await holds.IsHeldAsync(Conversation, default));
        Assert.False(await holds.ReleaseAsync(Conversation, default));
    }

    [PostgresFact]
    public async Task A_hold_made_on_one_host_silences_the_bot_on_the_other_until_either_releases_it()
    {
        var handedOver = await OpenAsync("postgres", new HubOptions());
        var other = await OpenAsync("postgres", new HubOptions());

        await handedOver.HoldAsync(Conversation, default);
        Assert.True(await other.IsHeldAsync(Conversation, default));
        Assert.True(await other.ReleaseAsync(Conversation, default));   // the hub's handoff.status reached the other host
        Assert.False(await handedOver.IsHeldAsync(Conversation, default));
    }

    private async Task<IHubHolds> OpenAsync(string kind, HubOptions options)
    {
        if (kind == "memory")
            return new HubHolds(Options.Create(options), _clock);
        return new PostgresHubHolds(await _postgres.HostAsync(), _clock, Options.Create(options));
    }
}
