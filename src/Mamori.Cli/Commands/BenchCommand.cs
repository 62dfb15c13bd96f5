using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mamori.Cli.Bench;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori bench [--turns N] [--quick] [--json]`: speed, measured in this process against a baseline in the same process.
/// Dialog turns on the SQLite store against the in-memory store (<see cref="TurnBench"/>), and retrieval on the
/// inverted index against a linear scan, on the real knowledge/ and on synthetic corpora (<see cref="RetrievalBench"/>).
/// The Direct Line load run over loopback lives with the host's tests (tests/Mamori.Host.Tests/Bench, MAMORI_BENCH=1).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var turns = new Option<string>("--turns") { Description = "計測するターン数（100以上）", DefaultValueFactory = _ => "10000" };
        var quick = new Option<bool>("--quick") { Description = "合成コーパスを 10,000 件までにして短く計測する" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var command = new Command("bench", "応答時間と検索速度を計測する（同じプロセス内の基準値との比も出す）") { turns, quick, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(turns), parse.GetValue(quick), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? turnsText, bool quick, bool json, CancellationToken cancellationToken)
    {
        if (!int.TryParse(turnsText, NumberStyles.None, CultureInfo.InvariantCulture, out var turns) || turns < 100)
        {
            Console.Error.WriteLine($"bench: --turns must be a whole number of at least 100 (got '{turnsText}').");
            return 2;
        }
        if (!CliContent.TryGet(out var content))
            return 2;
        if (Debugger.IsAttached || !IsOptimized())
            Console.Error.WriteLine("bench: this is a Debug build; for real figures run `dotnet run -c Release --project src/Mamori.Cli -- bench`.");

        var progress = Console.Error;
        progress.WriteLine($"dialog turns: {turns:N0} on SQLite and on memory, interleaved…");
        var dialog = await TurnBench.RunAsync(turns, completions: 30, cancellationToken);
        progress.WriteLine("reading replies: every reply of knowledge/eval/replies, 20 rounds…");
        var reading = ReadingBench.Run(content);
        progress.WriteLine("retrieval: real corpus and synthetic corpora…");
        var options = new RetrievalBenchOptions { SyntheticSizes = quick ? [10_000] : [10_000, 100_000] };
        var retrieval = RetrievalBench.Run(content, options, progress);

        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { dialog, reading, retrieval }, IngestCommand.Json));
            return 0;
        }
        var o = Console.Out;
        o.WriteLine($"Dialog turn latency over {dialog.Turns:N0} turns (state saved on every turn):");
        o.WriteLine(Row("SQLite store", dialog.Sqlite));
        o.WriteLine(Row("in-memory store (baseline)", dialog.Memory));
        o.WriteLine(Invariant($"  ratio SQLite/memory: p50 ×{dialog.P50Ratio:0.0}, p99 ×{dialog.P99Ratio:0.0}"));
        o.WriteLine(Row("diagnosis-completing turn (classifier, report, picture)", dialog.Completion));
        o.WriteLine(Row("machine noise: a 0.1 ms busy loop", dialog.NoiseFloor));
        o.WriteLine();
        o.WriteLine($"Reading typed replies ({reading.Replies} replies of knowledge/eval/replies):");
        o.WriteLine(Row("a reply to its diagnosis question", reading.Reply));
        o.WriteLine(Row("a message as a request or a question", reading.Request));
        o.WriteLine(Row("the Japanese fold alone (baseline)", reading.FoldOnly));
        o.WriteLine(Invariant($"  ratio reading/fold: p99 ×{reading.P99Ratio:0}"));
        o.WriteLine();
        o.WriteLine($"Retrieval ({retrieval.Questions} eval questions, {retrieval.Processors} cores, load average {retrieval.LoadAverage?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}):");
        o.WriteLine(Invariant($"  index build for knowledge/: cold {retrieval.BuildColdMs:0} ms, warm {retrieval.BuildWarmMs:0.0} ms"));
        o.WriteLine(Invariant($"  question → passages + evidence verdict: p50 {retrieval.EndToEndP50Ms:0.000} ms, p99 {retrieval.EndToEndP99Ms:0.000} ms"));
        o.WriteLine($"  {retrieval.Real}");
        foreach (var corpus in retrieval.Synthetic)
            o.WriteLine($"  {corpus}");
        return 0;
    }

    private static string Row(string name, Stats s) =>
        Invariant($"  {name}: p50 {s.P50:0.000} ms, p99 {s.P99:0.000} ms, max {s.Max:0.0} ms ({s.Count:N0} samples)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool IsOptimized() =>
        typeof(BenchCommand).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);
}
