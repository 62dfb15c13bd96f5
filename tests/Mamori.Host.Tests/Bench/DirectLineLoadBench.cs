using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.Bench;

/// <summary>
/// N owners complete whole diagnoses at once through Direct Line over loopback, against the real engine (SQLite state
/// in a temp folder) and the real knowledge index. Reports turns/s, p50/p99 per turn (POST until the next question
/// arrives on the WebSocket), host memory, and start-to-ready. Targets: p99 &lt; 50 ms at 100 conversations,
/// start-to-ready &lt; 3 s (with the index cached).
/// </summary>
[Collection(LoadRuns.Name)]
public sealed class DirectLineLoadBench(ITestOutputHelper output)
{
    [BenchFact]
    public async Task Concurrent_diagnoses_over_direct_line()
    {
        var report = new StringBuilder();
        using var host = new BenchHost(new Dictionary<string, string?>
        {
            // A person answers far slower than this simulation; the per-conversation limit is lifted for it.
            ["Channels:DirectLine:RateLimitPerSecond"] = "1000",
            ["Channels:DirectLine:RateLimitBurst"] = "1000",
        });
        var http = host.Http;
        await host.WaitReadyAsync();
        Line(report, $"start-to-ready (host start until /healthz is 200, index cached): {host.StartToReady.TotalMilliseconds:F0} ms");

        // Zero think time (default) measures the host saturated; a think time (ms) paces clients like people reading.
        var thinkTime = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("MAMORI_BENCH_THINK_MS") ?? "0", CultureInfo.InvariantCulture));
        Line(report, $"state store: {BenchHost.Store}, think time between turns: {thinkTime.TotalMilliseconds} ms, cores: {Environment.ProcessorCount}");
        var results = new Dictionary<int, (double P50, double P99)>();
        foreach (int n in BenchReport.Levels)
        {
            var conversations = Enumerable.Range(0, n).Select(_ => new LoadConversation(http, thinkTime)).ToList();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(conversations.Select(c => c.RunAsync(timeout.Token)));
            wall.Stop();

            // The last turn of each diagnosis builds the result (classifier, measures, stage picture): timed apart.
            var turns = conversations.SelectMany(c => c.TurnMilliseconds.SkipLast(1)).Order().ToArray();
            var finals = conversations.Select(c => c.TurnMilliseconds[^1]).Order().ToArray();
            double p50 = BenchReport.Percentile(turns, 0.50), p99 = BenchReport.Percentile(turns, 0.99);
            results[n] = (p50, p99);
            GC.Collect();
            Line(report, string.Create(CultureInfo.InvariantCulture,
                $"{n,4} conversations: {turns.Length + finals.Length} turns in {wall.Elapsed.TotalSeconds:F1} s = {(turns.Length + finals.Length) / wall.Elapsed.TotalSeconds:F0} turns/s; " +
                $"question turns p50 {p50:F1} ms, p99 {p99:F1} ms, max {turns[^1]:F0} ms; result turn p50 {BenchReport.Percentile(finals, 0.5):F0} ms, p99 {BenchReport.Percentile(finals, 0.99):F0} ms; process working set {BenchReport.WorkingSetMegabytes} MB, managed heap {BenchReport.ManagedHeapMegabytes} MB"));
        }

        output.WriteLine(report.ToString());
        BenchReport.Write("directline-load.txt", report);
        if (results.TryGetValue(100, out var at100))
            Assert.True(at100.P99 < 50, $"p99 of question turns at 100 conversations is {at100.P99:F1} ms (target < 50 ms)");
    }

    private static void Line(StringBuilder report, string line) => report.AppendLine(line);
}
