using System.Text.Json;
using Mamori.Cli.Commands;
using Mamori.Core;

namespace Mamori.Cli.Tests.Understanding;

/// <summary>`mamori eval --replies … --json` runs on the tuning half and reports per question (the figures are being tuned: not asserted).</summary>
public sealed class ReadingEvalCommandTests
{
    [Fact]
    public void Eval_replies_reports_every_question_with_its_counts()
    {
        var content = ContentRoot.Locate(startDirectory: AppContext.BaseDirectory);
        var tune = Path.Combine(content.Eval, "replies", "tune.json");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = ReadingEvalCommand.Run(tune, requests: null, json: true, stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        var report = Assert.Single(JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("replies").EnumerateArray());
        Assert.True(report.GetProperty("total").GetInt32() > 0);
        var perQuestion = report.GetProperty("perQuestion").EnumerateArray().ToList();
        Assert.Equal(26, perQuestion.Select(q => q.GetProperty("question").GetString()).Distinct().Count());
        foreach (var q in perQuestion)
        {
            var counts = new[] { "right", "askedRightGuess", "askedWrongGuess", "wrongWithoutAsking", "notUnderstood" }
                .Select(name => q.GetProperty(name).GetInt32()).ToArray();
            Assert.All(counts, c => Assert.True(c >= 0));
            Assert.True(counts.Sum() <= q.GetProperty("n").GetInt32(), $"{q}: the counts exceed the rows");
        }
        // Per question and rule, the understood readings add up to the per-rule totals, wrong ones included.
        var bySource = report.GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("source").GetString()!, s => (Understood: s.GetProperty("understood").GetInt32(), Wrong: s.GetProperty("wrong").GetInt32()));
        var byQuestion = report.GetProperty("sourcesByQuestion").EnumerateArray()
            .GroupBy(s => s.GetProperty("source").GetString()!)
            .ToDictionary(g => g.Key, g => (Understood: g.Sum(s => s.GetProperty("understood").GetInt32()), Wrong: g.Sum(s => s.GetProperty("wrong").GetInt32())));
        Assert.NotEmpty(byQuestion);
        Assert.Equal(bySource, byQuestion);
    }
}
