using Mamori.Core.Answering;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Conversations;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Core.Tests.Storage;

/// <summary>One contract, run against every store: what the engine relies on for "no answer is ever lost".</summary>
/// <remarks>The PostgreSQL leg gets a fresh database per test, migrated as the host does at start.</remarks>
public sealed class ConversationStoreContractTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-store-").FullName;
    private readonly List<TestDatabase> _databases = [];

    public static TheoryData<string> Stores => ["sqlite", "memory"];

    /// <param name="clock">What stamps the saves; the system clock unless a test moves one by hand.</param>
    private async Task<IConversationStore> CreateAsync(string kind, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        switch (kind)
        {
            case "sqlite":
                return new SqliteConversationStore(Path.Combine(_folder, "nested", "state.db"), clock);
            case "memory":
                return new InMemoryConversationStore(clock);
            default:
                var database = await TestDatabase.CreateAsync();
                _databases.Add(database);
                await SchemaMigrator.ApplyAsync(database.DataSource, PostgresConversationStore.Migrations, CancellationToken.None);
                return new PostgresConversationStore(database.DataSource, clock);
        }
    }

    /// <summary>The privacy page's promise (Privacy:StateRetention's default): a year after the last save.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(365);

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>One sweep, with the cut-off computed as the host's StateRetention does: the clock's now less the retention.</summary>
    private static Task<int> SweepAsync(IConversationStore store, TimeProvider clock) =>
        store.ForgetInactiveAsync(clock.GetUtcNow() - Retention, CancellationToken.None);

    private static readonly ConversationKey Key = new("tenant-a", "conv-1");

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_missing_conversation_loads_as_null(string kind) =>
        Assert.Null(await (await CreateAsync(kind)).LoadConversationAsync(Key, CancellationToken.None));

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task Round_trips_the_typed_state_including_the_dialog_stack(string kind)
    {
        var store = await CreateAsync(kind);
        var state = ConversationState.New()
            .Push(new DiagnosisFrame("it_dependence", Misses: 1))
            .WithAnswer(new RecordedAnswer("employees", "6-20", "12人くらい"))
            .WithLine(new ConversationLine(ConversationRole.User, "補助金は？"), keep: 10);

        Assert.True(await store.TrySaveConversationAsync(Key, state, 0, CancellationToken.None));
        var loaded = await store.LoadConversationAsync(Key, CancellationToken.None);

        Assert.Equal(1, loaded!.Version);
        Assert.Equal(StateJson.Serialize(state), StateJson.Serialize(loaded.State));
        Assert.Equal(new DiagnosisFrame("it_dependence", 1), loaded.State.Top);
        Assert.IsType<MenuFrame>(loaded.State.Stack[0]);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_save_that_names_a_stale_version_fails(string kind)
    {
        var store = await CreateAsync(kind);
        Assert.True(await store.TrySaveConversationAsync(Key, ConversationState.New(), 0, CancellationToken.None));
        Assert.False(await store.TrySaveConversationAsync(Key, ConversationState.New(), 0, CancellationToken.None));   // inserted already
        Assert.True(await store.TrySaveConversationAsync(Key, ConversationState.New(), 1, CancellationToken.None));
        Assert.False(await store.TrySaveConversationAsync(Key, ConversationState.New(), 1, CancellationToken.None));   // someone saved v2
        Assert.Equal(2, (await store.LoadConversationAsync(Key, CancellationToken.None))!.Version);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task Tenants_and_users_are_kept_apart(string kind)
    {
        var store = await CreateAsync(kind);
        var result = new UserState { LastResult = new LastDiagnosis(DateTimeOffset.UnixEpoch, "awareness", 1, "壁は認識"), DiagnosesCompleted = 1 };
        Assert.True(await store.TrySaveUserAsync(new UserKey("tenant-a", "u"), result, 0, CancellationToken.None));

        Assert.Null(await store.LoadUserAsync(new UserKey("tenant-b", "u"), CancellationToken.None));
        Assert.Null(await store.LoadConversationAsync(new ConversationKey("tenant-a", "u"), CancellationToken.None));
        var loaded = await store.LoadUserAsync(new UserKey("tenant-a", "u"), CancellationToken.None);
        Assert.Equal(result, loaded!.State);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task Parallel_writers_that_reload_on_conflict_lose_nothing(string kind)
    {
        var store = await CreateAsync(kind);
        const int writers = 40;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            while (true)
            {
                var stored = await store.LoadConversationAsync(Key, CancellationToken.None);
                var next = (stored?.State ?? ConversationState.New()).WithAnswer(new RecordedAnswer($"q{i}", "yes", "はい"));
                if (await store.TrySaveConversationAsync(Key, next, stored?.Version ?? 0, CancellationToken.None))
                    return;
            }
        })));

        var final = await store.LoadConversationAsync(Key, CancellationToken.None);
        Assert.Equal(writers, final!.State.Answers.Count);
        Assert.Equal(writers, final.Version);
    }

    [Fact]
    public async Task The_sqlite_file_keeps_its_state_across_instances_and_creates_its_schema_only_once()
    {
        var path = Path.Combine(_folder, "restart.db");
        var first = new SqliteConversationStore(path);
        Assert.True(await first.TrySaveConversationAsync(Key, ConversationState.New().WithAnswer(new RecordedAnswer("employees", "1-5", "3人")), 0, CancellationToken.None));

        var second = new SqliteConversationStore(path);
        var loaded = await second.LoadConversationAsync(Key, CancellationToken.None);
        Assert.Equal("1-5", loaded!.State.Answers.Single().Code);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task Forgetting_deletes_the_conversation_and_its_user_and_nothing_else(string kind)
    {
        var store = await CreateAsync(kind);
        var other = new ConversationKey("tenant-a", "conv-2");
        var user = new UserKey("tenant-a", "u");
        var otherUser = new UserKey("tenant-a", "v");
        var state = ConversationState.New().WithAnswer(new RecordedAnswer("employees", "6-20", "12人くらい"));
        var result = new UserState { DiagnosesCompleted = 1 };
        Assert.True(await store.TrySaveConversationAsync(Key, state, 0, CancellationToken.None));
        Assert.True(await store.TrySaveConversationAsync(other, state, 0, CancellationToken.None));
        Assert.True(await store.TrySaveUserAsync(user, result, 0, CancellationToken.None));
        Assert.True(await store.TrySaveUserAsync(otherUser, result, 0, CancellationToken.None));

        await store.ForgetAsync(Key, user, CancellationToken.None);

        Assert.Null(await store.LoadConversationAsync(Key, CancellationToken.None));
        Assert.Null(await store.LoadUserAsync(user, CancellationToken.None));
        Assert.NotNull(await store.LoadConversationAsync(other, CancellationToken.None));
        Assert.NotNull(await store.LoadUserAsync(otherUser, CancellationToken.None));
        // A new start after forgetting is an insert again, not an update of a version that is gone.
        Assert.True(await store.TrySaveConversationAsync(Key, ConversationState.New(), 0, CancellationToken.None));
        await store.ForgetAsync(new ConversationKey("tenant-a", "never"), new UserKey("tenant-a", "never"), CancellationToken.None);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task Forgetting_the_inactive_deletes_only_what_was_last_saved_before_the_cutoff(string kind)
    {
        var clock = Clock();
        var store = await CreateAsync(kind, clock);
        var user = new UserKey("tenant-a", "u");
        Assert.True(await store.TrySaveConversationAsync(Key, ConversationState.New(), 0, CancellationToken.None));
        Assert.True(await store.TrySaveUserAsync(user, new UserState { DiagnosesCompleted = 1 }, 0, CancellationToken.None));

        Assert.Equal(0, await store.ForgetInactiveAsync(clock.GetUtcNow().AddDays(-1), CancellationToken.None));
        Assert.NotNull(await store.LoadConversationAsync(Key, CancellationToken.None));

        Assert.Equal(2, await store.ForgetInactiveAsync(clock.GetUtcNow().AddSeconds(1), CancellationToken.None));
        Assert.Null(await store.LoadConversationAsync(Key, CancellationToken.None));
        Assert.Null(await store.LoadUserAsync(user, CancellationToken.None));
        Assert.True(await store.TrySaveConversationAsync(Key, ConversationState.New(), 0, CancellationToken.None));
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_conversation_unused_for_longer_than_the_retention_is_swept_and_one_saved_since_is_kept(string kind)
    {
        var clock = Clock();
        var store = await CreateAsync(kind, clock);
        var gone = new ConversationKey("tenant-a", "left-a-year-ago");
        var goneUser = new UserKey("tenant-a", "left-a-year-ago");
        var later = new ConversationKey("tenant-a", "started-later");
        var back = new ConversationKey("tenant-a", "came-back");
        Assert.True(await store.TrySaveConversationAsync(gone, ConversationState.New(), 0, CancellationToken.None));
        Assert.True(await store.TrySaveUserAsync(goneUser, new UserState { DiagnosesCompleted = 1 }, 0, CancellationToken.None));
        Assert.True(await store.TrySaveConversationAsync(back, ConversationState.New(), 0, CancellationToken.None));
        Assert.Equal(0, await SweepAsync(store, clock));

        clock.Advance(Retention - TimeSpan.FromDays(1));
        Assert.True(await store.TrySaveConversationAsync(later, ConversationState.New(), 0, CancellationToken.None));
        // An owner who answers again the day before the year is up starts the year again (the last save counts, not the first).
        Assert.True(await store.TrySaveConversationAsync(back, ConversationState.New().WithAnswer(new RecordedAnswer("employees", "1-5", "3人")), 1, CancellationToken.None));
        Assert.Equal(0, await SweepAsync(store, clock));

        clock.Advance(TimeSpan.FromDays(1));   // exactly the retention since the first saves: not older than it yet
        Assert.Equal(0, await SweepAsync(store, clock));
        Assert.NotNull(await store.LoadConversationAsync(gone, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await SweepAsync(store, clock));   // the conversation and its user
        Assert.Null(await store.LoadConversationAsync(gone, CancellationToken.None));
        Assert.Null(await store.LoadUserAsync(goneUser, CancellationToken.None));
        Assert.NotNull(await store.LoadConversationAsync(later, CancellationToken.None));
        Assert.Equal("1-5", (await store.LoadConversationAsync(back, CancellationToken.None))!.State.Answers.Single().Code);

        clock.Advance(Retention);   // more than a year after the later saves too: they go as well
        Assert.Equal(2, await SweepAsync(store, clock));
        Assert.Null(await store.LoadConversationAsync(later, CancellationToken.None));
        Assert.Null(await store.LoadConversationAsync(back, CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
            await database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup if a file is still open.
        }
    }
}
