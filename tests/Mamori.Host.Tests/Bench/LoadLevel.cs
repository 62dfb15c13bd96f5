using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Mamori.Host.Tests.Bench;

/// <summary>One level of a load run: <c>n</c> conversations at once against one bot, and what their turns measured.</summary>
internal sealed class LoadLevel
{
    private LoadLevel(IReadOnlyList<ExpectRepliesConversation> conversations, TimeSpan wall)
    {
        AllTurns = new Latencies(conversations.SelectMany(c => c.TurnMilliseconds));
        QuestionTurns = new Latencies(conversations.SelectMany(c => c.TurnMilliseconds.SkipLast(1)));
        ResultTurns = new Latencies(conversations.Select(c => c.TurnMilliseconds[^1]));
        Wall = wall;
        Shape = conversations[0].ButtonsOffered;
    }

    public Latencies AllTurns { get; }

    /// <summary>Every turn but the last: the welcome, then a question answered and the next one asked.</summary>
    public Latencies QuestionTurns { get; }

    /// <summary>The last answer and the result (Mamori: classifier, measures, stage picture, card; the peer: a text).</summary>
    public Latencies ResultTurns { get; }

    public TimeSpan Wall { get; }

    /// <summary>The buttons offered at each turn of one conversation (all take the same path).</summary>
    public IReadOnlyList<int> Shape { get; }

    public double TurnsPerSecond => AllTurns.Count / Wall.TotalSeconds;

    public static async Task<LoadLevel> RunAsync(HttpClient http, int n, Func<IReadOnlyList<JsonObject>, bool> finished)
    {
        // One open connection per conversation first, as a channel keeps its connections open: the run times turns,
        // not n TCP handshakes at once (Node took up to 20 s to get through those at 100).
        await Task.WhenAll(Enumerable.Range(0, n).Select(async _ => (await http.GetAsync("api/messages")).Dispose()));
        var conversations = Enumerable.Range(0, n).Select(_ => new ExpectRepliesConversation(http, finished)).ToList();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(conversations.Select(c => c.RunAsync()));
        return new LoadLevel(conversations, wall.Elapsed);
    }
}

/// <summary>Turn latencies in milliseconds, sorted.</summary>
internal sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double P50 => BenchReport.Percentile(_sorted, 0.50);

    public double P99 => BenchReport.Percentile(_sorted, 0.99);

    public double Max => _sorted[^1];
}
