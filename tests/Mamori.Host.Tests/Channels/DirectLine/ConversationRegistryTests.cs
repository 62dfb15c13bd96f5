using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tests.Channels.DirectLine;

public sealed class ConversationRegistryTests
{
    private static readonly Uri Base = new("http://127.0.0.1/");

    [Fact]
    public void Idle_conversations_are_forgotten_and_active_ones_kept()
    {
        var clock = new ManualClock();
        var registry = new ConversationRegistry(Options.Create(new DirectLineOptions { ConversationIdleTimeout = TimeSpan.FromHours(1) }), clock);
        var idle = registry.GetOrCreate(new ConversationKey("default", "idle"), "dl_a", Base, out _)!;
        var active = registry.GetOrCreate(new ConversationKey("default", "active"), "dl_b", Base, out _)!;

        clock.Now += TimeSpan.FromMinutes(50);
        active.Touch();
        clock.Now += TimeSpan.FromMinutes(20);

        Assert.Equal(1, registry.RemoveIdle());
        Assert.Null(registry.Find(idle.Id));
        Assert.Same(active, registry.Find(active.Id));
    }

    [Fact]
    public void A_full_registry_refuses_new_conversations_but_returns_existing_ones()
    {
        var registry = new ConversationRegistry(Options.Create(new DirectLineOptions { MaxConversations = 1 }), TimeProvider.System);
        var first = registry.GetOrCreate(new ConversationKey("default", "one"), "dl_a", Base, out bool created);
        Assert.True(created);
        Assert.Null(registry.GetOrCreate(new ConversationKey("default", "two"), "dl_b", Base, out _));
        Assert.Same(first, registry.GetOrCreate(new ConversationKey("default", "one"), "dl_a", Base, out created));
        Assert.False(created);
    }
}
