using Mamori.Core.Dialogs;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tests.Desk.Hubs;

/// <summary>A hub's hold ends with its handoff.status, or by itself after Desk:Hub:MaxHold, so no owner waits for a hub that forgot them.</summary>
public sealed class HubHoldsTests
{
    private static readonly ConversationKey Conversation = new("chamber", "c-1");

    [Fact]
    public void A_hold_lasts_until_released_and_a_second_release_says_nothing_was_held()
    {
        var holds = new HubHolds(Options.Create(new HubOptions()), new ManualClock());

        holds.Hold(Conversation);

        Assert.True(holds.IsHeld(Conversation));
        Assert.False(holds.IsHeld(Conversation with { ConversationId = "c-2" }));
        Assert.True(holds.Release(Conversation));
        Assert.False(holds.IsHeld(Conversation));
        Assert.False(holds.Release(Conversation));
    }

    [Fact]
    public void After_max_hold_the_bot_answers_again_and_a_late_status_finds_nothing_held()
    {
        var clock = new ManualClock();
        var holds = new HubHolds(Options.Create(new HubOptions { MaxHold = TimeSpan.FromHours(1) }), clock);
        holds.Hold(Conversation);

        clock.Now += TimeSpan.FromMinutes(59);
        Assert.True(holds.IsHeld(Conversation));
        clock.Now += TimeSpan.FromMinutes(1);

        Assert.False(holds.IsHeld(Conversation));
        Assert.False(holds.Release(Conversation));
    }
}
