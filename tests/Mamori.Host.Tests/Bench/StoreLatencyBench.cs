using Mamori.Core.Answering;
using System.Diagnostics;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Conversations;
using Mamori.Tests.Postgres;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.Bench;

/// <summary>A turn's storage cost, load + save of one conversation mid-diagnosis, on each store in the same run.</summary>
public sealed class StoreLatencyBench(ITestOutputHelper output)
{
    private const int Warmup = 200;
    private const int Turns = 3000;

    [StoreBenchFact]
    public async Task Load_and_save_latency_on_postgres_sqlite_and_memory()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SchemaMigrator.ApplyAsync(database.DataSource, PostgresConversationStore.Migrations, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("mamori-store-bench-");
        try
        {
            using var sqlite = new SqliteConversationStore(Path.Combine(folder.FullName, "state.db"));
            foreach (var (name, store) in new (string, IConversationStore)[]
            {
                ("postgres", new PostgresConversationStore(database.DataSource, TimeProvider.System)),
                ("sqlite", sqlite),
                ("memory", new InMemoryConversationStore()),
            })
            {
                var (p50, p99) = await MeasureAsync(store);
                output.WriteLine($"{name,-8} load+save p50 {p50:F3} ms  p99 {p99:F3} ms  ({Turns} turns, one conversation after another)");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(double P50, double P99)> MeasureAsync(IConversationStore store)
    {
        // A state as big as mid-diagnosis: a dozen answers and the last ten lines of chat.
        var state = ConversationState.New().Push(new DiagnosisFrame("inv_budget", Misses: 0));
        for (int i = 0; i < 12; i++)
            state = state.WithAnswer(new RecordedAnswer($"q{i}", "yes", "はい、やっています")).WithLine(new ConversationLine(ConversationRole.User, "はい、やっています"), keep: 10);

        var times = new double[Turns];
        for (int turn = 0; turn < Warmup + Turns; turn++)
        {
            var key = new ConversationKey("bench", $"c{turn % 100}");   // 100 conversations in turn, as paced owners would be
            long started = Stopwatch.GetTimestamp();
            var stored = await store.LoadConversationAsync(key, CancellationToken.None);
            Assert.True(await store.TrySaveConversationAsync(key, state, stored?.Version ?? 0, CancellationToken.None));
            if (turn >= Warmup)
                times[turn - Warmup] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[Turns / 2], times[Turns * 99 / 100]);
    }
}

/// <summary>Runs with MAMORI_BENCH=1 and a PostgreSQL server in MAMORI_TEST_POSTGRES.</summary>
public sealed class StoreBenchFactAttribute : FactAttribute
{
    public StoreBenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MAMORI_BENCH") != "1")
            Skip = "Store benchmark: set MAMORI_BENCH=1 to run it (dotnet test tests/Mamori.Host.Tests --filter StoreLatencyBench).";
        else
            Skip = TestPostgres.SkipReason;
    }
}
