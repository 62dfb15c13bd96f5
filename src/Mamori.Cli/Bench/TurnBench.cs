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

    public static async Task<TurnBenchReport> RunAsync(int turns = 10_000, int completions = 30, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 100);
        var folder = Directory.CreateTempSubdirectory("mamori-bench-").FullName;
        try
        {
            await using var sqlite = Build("sqlite", Path.Combine(folder, "bench.db"));
            await using var memory = Build("memory", null);

            // Warm both (JIT, connection pool, file creation) before anything is timed.
            await RunTurnsAsync(sqlite.GetRequiredService<DialogEngine>(), "warm", 500, cancellationToken);
            await RunTurnsAsync(memory.GetRequiredService<DialogEngine>(), "warm", 500, cancellationToken);

            var onSqlite = await RunTurnsAsync(sqlite.GetRequiredService<DialogEngine>(), "run", turns, cancellationToken);
            var onMemory = await RunTurnsAsync(memory.GetRequiredService<DialogEngine>(), "run", turns, cancellationToken);
            var completing = await RunCompletionsAsync(sqlite.GetRequiredService<DialogEngine>(), completions, cancellationToken);
            return new TurnBenchReport(
                turns,
                Stats.Of(onSqlite),
                Stats.Of(onMemory),
                Stats.Of(completing));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* temp folder, cleaned by the OS */ }
        }
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

    /// <summary>Sends <paramref name="count"/> turns over many conversations, timing each HandleAsync call (load, apply, save).</summary>
    private static async Task<double[]> RunTurnsAsync(DialogEngine engine, string prefix, int count, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, Conversations).Select(i => new ConversationKey("bench", $"{prefix}-{i}")).ToArray();
        var last = new TurnResult[Conversations];
        var sent = new int[Conversations];
        for (var i = 0; i < Conversations; i++)
        {
            await engine.StartAsync(keys[i], $"user-{i}", "bench", cancellationToken);
            last[i] = await engine.HandleAsync(new IncomingTurn(keys[i], $"user-{i}", "診断を始める", "bench"), cancellationToken);
        }

        var timings = new double[count];
        for (var n = 0; n < count; n++)
        {
            var i = n % Conversations;
            var text = NextMessage(sent[i]++, last[i]);
            var turn = new IncomingTurn(keys[i], $"user-{i}", text, "bench");
            var started = Stopwatch.GetTimestamp();
            last[i] = await engine.HandleAsync(turn, cancellationToken);
            timings[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return timings;
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
public sealed record TurnBenchReport(int Turns, Stats Sqlite, Stats Memory, Stats Completion)
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
