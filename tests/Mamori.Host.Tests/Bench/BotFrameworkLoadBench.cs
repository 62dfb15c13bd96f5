using System.Globalization;
using System.Text;
using Mamori.Host.Tests.Channels.BotFramework;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.Bench;

/// <summary>
/// N Teams users complete whole diagnoses at once through POST /api/messages with expectReplies, first against Mamori
/// (real engine and index, SQLite state in a temp folder), then against a botbuilder-js bot of the same shape
/// (bench/peer-botbuilder: as many questions with as many choices, MemoryStorage). Same client, same loopback, one
/// system at a time. Reports turns/s, p50/p99 per turn (POST until the response is read; all turns, question turns and
/// the result turn apart) and memory for both, and the ratios. Targets at 100 conversations: Mamori ≥ 2× the peer's
/// turns/s, p99 of question turns ≤ 1/5 of the peer's.
/// </summary>
[Collection(LoadRuns.Name)]
public sealed class BotFrameworkLoadBench(ITestOutputHelper output)
{
    private const int WarmUpConversations = 50;

    [BenchFact("node", "npm")]
    public async Task Mamori_and_a_botbuilder_peer_under_the_same_teams_load()
    {
        var report = new StringBuilder();
        // Turns queue at the CPU gate (default: twice the cores) and are never refused; expectReplies has no
        // per-conversation rate limit (Direct Line's limits don't apply to /api/messages): nothing else to lift.
        using var mamori = new BenchHost(new Dictionary<string, string?> { ["Channels:Turns:MaxConcurrentTurns"] = "0" });
        await mamori.WaitReadyAsync();
        using var peer = await PeerBot.StartAsync();
        using var peerHttp = BenchHost.NewClient(peer.BaseAddress);
        Line(report, $"Mamori: state store {BenchHost.Store}, Channels:Turns:MaxConcurrentTurns 0 (= 2 × cores), in the test process with the client; " +
            $"peer: {peer.Banner}; cores: {Environment.ProcessorCount}; no think time");

        // Each system through 50 diagnoses first, not timed: tiered JIT (.NET) and the optimiser (V8) settle only after
        // some hundred calls of each path; with 4 the first level ran at half the speed of the third.
        // The peer's summary is its only reply without buttons.
        Func<IReadOnlyList<System.Text.Json.Nodes.JsonObject>, bool> peerFinished = replies => TeamsUser.Buttons(replies).Length == 0;
        await LoadLevel.RunAsync(mamori.Http, WarmUpConversations, TeamsUser.HasResultCard);
        await LoadLevel.RunAsync(peerHttp, WarmUpConversations, peerFinished);

        var results = new Dictionary<int, (LoadLevel Mamori, LoadLevel Peer)>();
        foreach (int n in BenchReport.Levels)
        {
            var ours = await LoadLevel.RunAsync(mamori.Http, n, TeamsUser.HasResultCard);
            GC.Collect();
            Line(report, Describe(n, "Mamori", ours, $"process working set {BenchReport.WorkingSetMegabytes} MB, managed heap {BenchReport.ManagedHeapMegabytes} MB"));
            var theirs = await LoadLevel.RunAsync(peerHttp, n, peerFinished);
            Line(report, Describe(n, "peer  ", theirs, $"node working set {peer.WorkingSetMegabytes} MB"));
            Line(report, string.Create(CultureInfo.InvariantCulture,
                $"{n,4} ratios: Mamori turns/s ÷ peer turns/s = {ours.TurnsPerSecond / theirs.TurnsPerSecond:F2}; peer p99 ÷ Mamori p99: question turns {theirs.QuestionTurns.P99 / ours.QuestionTurns.P99:F2}, all turns {theirs.AllTurns.P99 / ours.AllTurns.P99:F2}"));
            results[n] = (ours, theirs);
        }
        var first = results.Values.First();
        Line(report, $"buttons per turn (welcome first), Mamori: {string.Join(",", first.Mamori.Shape)}; peer: {string.Join(",", first.Peer.Shape)}");

        output.WriteLine(report.ToString());
        BenchReport.Write("botframework-load.txt", report);
        // The comparison is fair only while the peer asks what Mamori asks: the same questions with as many buttons.
        Assert.Equal(first.Mamori.Shape.Skip(1), first.Peer.Shape.Skip(1));
        if (results.TryGetValue(100, out var at100))
        {
            Assert.True(at100.Mamori.TurnsPerSecond >= 2 * at100.Peer.TurnsPerSecond,
                $"at 100 conversations Mamori made {at100.Mamori.TurnsPerSecond:F0} turns/s, the peer {at100.Peer.TurnsPerSecond:F0} (target ≥ 2×)");
            // As in the Direct Line run the p99 target is on question turns: the peer's result is one line of text.
            Assert.True(at100.Mamori.QuestionTurns.P99 * 5 <= at100.Peer.QuestionTurns.P99,
                $"at 100 conversations Mamori's p99 of question turns is {at100.Mamori.QuestionTurns.P99:F1} ms, the peer's {at100.Peer.QuestionTurns.P99:F1} ms (target ≤ 1/5)");
        }
    }

    private static string Describe(int n, string system, LoadLevel level, string memory) => string.Create(CultureInfo.InvariantCulture,
        $"{n,4} conversations, {system}: {level.AllTurns.Count} turns in {level.Wall.TotalSeconds:F1} s = {level.TurnsPerSecond:F0} turns/s; " +
        $"all turns p50 {level.AllTurns.P50:F1} ms, p99 {level.AllTurns.P99:F1} ms, max {level.AllTurns.Max:F0} ms; " +
        $"question turns p50 {level.QuestionTurns.P50:F1} ms, p99 {level.QuestionTurns.P99:F1} ms; result turn p50 {level.ResultTurns.P50:F0} ms, p99 {level.ResultTurns.P99:F0} ms; {memory}");

    private static void Line(StringBuilder report, string line) => report.AppendLine(line);
}
