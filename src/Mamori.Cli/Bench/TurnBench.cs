using System.Diagnostics;
using Mamori.Core;
using Mamori.Core.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Cli.Bench;

/// <summary>
/// In-process turn latency of the dialog engine: the real diagnosis script and wording, the state saved to the
/// SQLite store on every turn, compared with the same turns on the in-memory store in the same process (the baseline).
/// The turns are what a user sends during the diagnosis (answers by button and by free text, 戻る, ヘルプ, a reply the
/// parser can't read, 最初から) over many conversations round-robin. The turn that completes a diagnosis (classifier,
/// report, picture) is timed separately, since its cost is the report's, not the engine's. No question answerer is
/// involved: retrieval has its own benchmark.
/// </summary>
public static class TurnBench
{
    private const int Conversations = 200;

    /// <summary>About as long as a SQLite turn takes on its own: how late such a busy loop ends shows the machine's noise.</summary>
    private static readonly TimeSpan NoiseProbe = TimeSpan.FromMicroseconds(100);

    public static async Task<TurnBenchReport> RunAsync(int turns = 10_000, int completions = 30, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 100);
        var folder = Directory.CreateTempSubdirectory("mamori-bench-").FullName;
        try
        {
            await using var sqlite = Build("sqlite", Path.Combine(folder, "bench.db"));
            await using var memory = Build("memory", null);

            var onSqlite = new Conversation(sqlite.GetRequiredService<DialogEngine>(), "sqlite");
            var onMemory = new Conversation(memory.GetRequiredService<DialogEngine>(), "memory");
            await onSqlite.OpenAsync(cancellationToken);
            await onMemory.OpenAsync(cancellationToken);

            // Warm both (JIT, connection pool, file growth) before anything is timed.
            for (var n = 0; n < 1000; n++)
            {
                await onSqlite.TurnAsync(n, cancellationToken);
                await onMemory.TurnAsync(n, cancellationToken);
            }

            // Interleaved, turn by turn, so that both stores meet the same machine: on a shared machine the noise
            // (other processes, GC) would otherwise land on one of them and make the ratio meaningless.
            var sqliteTimes = new double[turns];
            var memoryTimes = new double[turns];
            var noiseTimes = new double[turns];
            for (var n = 0; n < turns; n++)
            {
                sqliteTimes[n] = await onSqlite.TurnAsync(1000 + n, cancellationToken);
                memoryTimes[n] = await onMemory.TurnAsync(1000 + n, cancellationToken);
                noiseTimes[n] = Spin(NoiseProbe);
            }
            var completing = await RunCompletionsAsync(sqlite.GetRequiredService<DialogEngine>(), completions, cancellationToken);
            return new TurnBenchReport(
                turns,
                Stats.Of(sqliteTimes),
                Stats.Of(memoryTimes),
                Stats.Of(completing),
                Stats.Of(noiseTimes));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* temp folder, cleaned by the OS */ }
        }
    }

    /// <summary>Busy-waits for <paramref name="duration"/> and returns the wall time it took: anything above it is time the
    /// process was not running (other processes on the machine, the GC), which every measured turn suffers as well.</summary>
    private static double Spin(TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
            Thread.SpinWait(20);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static ServiceProvider Build(string provider, string? path)
    {
        var settings = new Dictionary<string, string?> { ["Mamori:State:Provider"] = provider };
        if (path is not null)
            settings["Mamori:State:SqlitePath"] = path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMamoriCore(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Many conversations on one engine, sent turns round-robin; each turn is timed around HandleAsync (load, apply, save).</summary>
    private sealed class Conversation(DialogEngine engine, string prefix)
    {
        private readonly ConversationKey[] _keys = Enumerable.Range(0, Conversations).Select(i => new ConversationKey("bench", $"{prefix}-{i}")).ToArray();
        private readonly TurnResult[] _last = new TurnResult[Conversations];

        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            for (var i = 0; i < Conversations; i++)
            {
                await engine.StartAsync(_keys[i], $"user-{i}", "bench", cancellationToken);
                _last[i] = await engine.HandleAsync(new IncomingTurn(_keys[i], $"user-{i}", "診断を始める", "bench"), cancellationToken);
            }
        }

        public async Task<double> TurnAsync(int n, CancellationToken cancellationToken)
        {
            var i = n % Conversations;
            var turn = new IncomingTurn(_keys[i], $"user-{i}", NextMessage(n / Conversations, _last[i]), "bench");
            var started = Stopwatch.GetTimestamp();
            _last[i] = await engine.HandleAsync(turn, cancellationToken);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    /// <summary>
    /// A cycle of twelve messages: mostly answers (the first button, or a free-text reply the parser cannot read), with
    /// 戻る and ヘルプ mixed in, and 最初から to begin again before the diagnosis can complete.
    /// </summary>
    private static string NextMessage(int index, TurnResult last) => (index % 12) switch
    {
        3 => "戻る",
        6 => "ヘルプ",
        8 => "うーん、どうだろう",   // not an answer and not a question: re-prompted
        11 => "最初から",
        _ => FirstButton(last) ?? "わからない",
    };

    private static string? FirstButton(TurnResult last) =>
        last.Replies.Count > 0 && last.Replies[^1].Choices.Count > 0 ? last.Replies[^1].Choices[0].Label : null;

    /// <summary>Times the last answer of whole diagnoses: the turn that runs the classifier and composes the report.</summary>
    private static async Task<double[]> RunCompletionsAsync(DialogEngine engine, int count, CancellationToken cancellationToken)
    {
        var timings = new double[count];
        for (var n = 0; n < count; n++)
        {
            var key = new ConversationKey("bench", $"complete-{n}");
            var result = await engine.HandleAsync(new IncomingTurn(key, "u", "診断を始める", "bench"), cancellationToken);
            for (var guard = 0; guard < 100; guard++)
            {
                var started = Stopwatch.GetTimestamp();
                result = await engine.HandleAsync(new IncomingTurn(key, "u", FirstButton(result) ?? "わからない", "bench"), cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (result.Replies.Any(r => r.Card is not null || r.Image is not null) || guard == 99)
                {
                    timings[n] = elapsed;
                    break;
                }
            }
        }
        return timings;
    }
}

/// <param name="Sqlite">Turns with the state saved to the SQLite file (the default store).</param>
/// <param name="Memory">The same turns on the in-memory store: the baseline without any storage cost.</param>
/// <param name="Completion">The turn that completes a diagnosis (classifier, report and picture), on SQLite.</param>
/// <param name="NoiseFloor">A 0.1 ms busy loop timed between the turns: its tail is the machine's, not the bot's.</param>
public sealed record TurnBenchReport(int Turns, Stats Sqlite, Stats Memory, Stats Completion, Stats NoiseFloor)
{
    /// <summary>How much slower the SQLite store makes the 99th-percentile turn than no storage at all.</summary>
    public double P99Ratio => Memory.P99 > 0 ? Sqlite.P99 / Memory.P99 : double.NaN;

    public double P50Ratio => Memory.P50 > 0 ? Sqlite.P50 / Memory.P50 : double.NaN;
}

/// <summary>Latency figures in milliseconds.</summary>
public sealed record Stats(int Count, double P50, double P99, double Max, double Mean)
{
    public static Stats Of(double[] timings)
    {
        if (timings.Length == 0)
            return new Stats(0, 0, 0, 0, 0);
        var sorted = timings.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Stats(sorted.Length, At(0.50), At(0.99), sorted[^1], sorted.Average());
    }
}
