using System.Diagnostics;
using System.Text.Json;
using Mamori.Core;
using Mamori.Cli.Understanding;
using Mamori.Core.Text;

namespace Mamori.Cli.Bench;

/// <param name="Reply">Reading one typed reply to its diagnosis question (<c>ReplyReader.Read</c>).</param>
/// <param name="Request">Reading one message outside the diagnosis as a request or a question.</param>
/// <param name="FoldOnly">The baseline in the same run: only the Japanese fold of the same replies.</param>
public sealed record ReadingBenchReport(int Replies, Stats Reply, Stats Request, Stats FoldOnly)
{
    public double P99Ratio => FoldOnly.P99 > 0 ? Reply.P99 / FoldOnly.P99 : double.NaN;
}

/// <summary>How long reading a reply takes, on the replies of knowledge/eval/replies (timing only), beside a bare fold.</summary>
internal static class ReadingBench
{
    public static ReadingBenchReport Run(ContentRoot content, int rounds = 20)
    {
        var understander = Understander.Load(content);
        var rows = Directory.EnumerateFiles(Path.Combine(content.Eval, "replies"), "*.json")
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("replies").EnumerateArray()
                .Select(r => (Question: understander.Script.Get(r.GetProperty("question").GetString()!), Reply: r.GetProperty("reply").GetString()!)))
            .ToList();
        foreach (var (question, reply) in rows)
            understander.Reply(question, reply);   // warm up: JIT and first-use caches

        var read = new List<double>(rows.Count * rounds);
        var request = new List<double>(rows.Count * rounds);
        var fold = new List<double>(rows.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (question, reply) in rows)
            {
                var start = Stopwatch.GetTimestamp();
                understander.Reply(question, reply);
                read.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                understander.Request(reply);
                request.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                JapaneseFold.Fold(reply);
                fold.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return new ReadingBenchReport(rows.Count, Stats.Of([.. read]), Stats.Of([.. request]), Stats.Of([.. fold]));
    }
}
