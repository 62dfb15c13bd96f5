using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine;
using Mamori.Host.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Channels.DirectLine;

public sealed class ConversationRegistryTests : IDisposable
{
    private static readonly Uri Base = new("http://127.0.0.1/");
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-registry-").FullName;
    private readonly List<SqliteDirectLineStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
            store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Idle_conversations_are_forgotten_in_memory_and_in_the_store_and_active_ones_kept()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var registry = new ConversationRegistry(Options.Create(new DirectLineOptions { ConversationIdleTimeout = TimeSpan.FromHours(1) }), Store(clock), clock);
        var (idle, _) = await registry.GetOrCreateAsync(new ConversationKey("default", "idle"), "dl_a", Base);
        var (active, _) = await registry.GetOrCreateAsync(new ConversationKey("default", "active"), "dl_b", Base);

        clock.Advance(TimeSpan.FromMinutes(50));
        active!.Touch();   // a client that only reads: the sweep marks it used in the store
        Assert.Equal(0, await registry.RemoveIdleAsync());
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(1, await registry.RemoveIdleAsync());
        Assert.Null(await registry.FindAsync(idle!.Id));
        Assert.Same(active, await registry.FindAsync(active.Id));

        // After a restart (a new registry on the same file) only the active one comes back.
        var restarted = new ConversationRegistry(Options.Create(new DirectLineOptions()), Store(clock), clock);
        Assert.Null(await restarted.FindAsync(idle.Id));
        Assert.Equal("dl_b", (await restarted.FindAsync(active.Id))!.UserId);
    }

    [Fact]
    public async Task A_full_registry_refuses_new_conversations_but_returns_existing_ones()
    {
        var registry = new ConversationRegistry(Options.Create(new DirectLineOptions { MaxConversations = 1 }), Store(TimeProvider.System), TimeProvider.System);
        var (first, created) = await registry.GetOrCreateAsync(new ConversationKey("default", "one"), "dl_a", Base);
        Assert.True(created);
        Assert.Null((await registry.GetOrCreateAsync(new ConversationKey("default", "two"), "dl_b", Base)).Conversation);
        var again = await registry.GetOrCreateAsync(new ConversationKey("default", "one"), "dl_a", Base);
        Assert.Same(first, again.Conversation);
        Assert.False(again.Created);
    }

    private SqliteDirectLineStore Store(TimeProvider clock)
    {
        var store = new SqliteDirectLineStore(Path.Combine(_folder, "directline.db"), clock);
        _stores.Add(store);
        return store;
    }
}
