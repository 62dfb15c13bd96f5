using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Mamori.Host.Tests.Bench;

/// <summary>One level of a load run: <c>n</c> conversations at once against one bot, and what their turns measured.</summary>
internal sealed class LoadLevel
{
    private LoadLevel(double[] sortedTurns, TimeSpan wall, IReadOnlyList<int> shape)
    {
        SortedTurnMilliseconds = sortedTurns;
        Wall = wall;
        Shape = shape;
    }

    public double[] SortedTurnMilliseconds { get; }

    public TimeSpan Wall { get; }

    /// <summary>The buttons offered at each turn of one conversation (all take the same path).</summary>
    public IReadOnlyList<int> Shape { get; }

    public double TurnsPerSecond => SortedTurnMilliseconds.Length / Wall.TotalSeconds;

    public double P50 => BenchReport.Percentile(SortedTurnMilliseconds, 0.50);

    public double P99 => BenchReport.Percentile(SortedTurnMilliseconds, 0.99);

    public static async Task<LoadLevel> RunAsync(HttpClient http, int n, Func<IReadOnlyList<JsonObject>, bool> finished)
    {
        var conversations = Enumerable.Range(0, n).Select(_ => new ExpectRepliesConversation(http, finished)).ToList();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(conversations.Select(c => c.RunAsync()));
        wall.Stop();
        return new LoadLevel(
            [.. conversations.SelectMany(c => c.TurnMilliseconds).Order()],
            wall.Elapsed,
            conversations[0].ButtonsOffered);
    }
}
