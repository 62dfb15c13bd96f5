using System.Diagnostics;
using System.Text.RegularExpressions;
using Mamori.Core.Dialogs;

namespace Mamori.Host.Tests.Bench;

/// <summary>The same diagnoses straight against the dialog engine, no HTTP: what the engine itself costs per turn.</summary>
internal static partial class EngineBaseline
{
    [GeneratedRegex(@"【\d+/\d+】")]
    private static partial Regex QuestionNumber();

    public static async Task<double[]> RunAsync(DialogEngine engine, int diagnoses)
    {
        var times = new List<double>();
        for (int d = 0; d < diagnoses; d++)
        {
            var key = new ConversationKey("default", "baseline-" + Guid.NewGuid().ToString("N"));
            var result = await engine.StartAsync(key, "dl_bench", "directline", CancellationToken.None);
            string answer = "診断を始める";
            for (int turn = 0; turn < 60; turn++)
            {
                var watch = Stopwatch.StartNew();
                result = await engine.HandleAsync(new IncomingTurn(key, "dl_bench", answer, "directline"), CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (result.Replies.Any(r => r.Card is not null))
                    break;
                var asking = result.Replies.LastOrDefault(r => r.Choices.Count > 0 || QuestionNumber().IsMatch(r.Text));
                answer = asking?.Choices.FirstOrDefault()?.Label ?? "東京都";
            }
        }
        return times.Order().ToArray();
    }
}
