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

    [Fact]
    public void A_second_labellers_codes_give_the_figures_where_two_humans_agree_and_the_humans_own()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mamori-second-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {"replies": [
              {"id": "t1", "question": "m_backup", "reply": "毎日取ってます", "expected": "yes", "second": "yes"},
              {"id": "t2", "question": "m_backup", "reply": "取ってません", "expected": "no", "second": "no"},
              {"id": "t3", "question": "m_backup", "reply": "たぶん取ってると思う", "expected": "yes", "second": "yes"},
              {"id": "t4", "question": "m_backup", "reply": "毎日取ってます", "expected": "AMBIGUOUS", "second": "yes"},
              {"id": "t5", "question": "employees", "reply": "3人です", "expected": "1-5", "second": "AMBIGUOUS"},
              {"id": "t6", "question": "employees", "reply": "3人です", "expected": "1-5"}
            ]}
            """);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exit = ReadingEvalCommand.Run(file, requests: null, json: true, stdout, stderr);

            Assert.True(exit == 0, stderr.ToString());
            var second = Assert.Single(JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("replies").EnumerateArray()).GetProperty("second");
            Assert.Equal(5, second.GetProperty("labelled").GetInt32());
            Assert.Equal(3, second.GetProperty("agreed").GetInt32());          // t1, t2, t3
            Assert.Equal(1.0, second.GetProperty("agreedRight").GetDouble(), 3);   // t3 is asked which of できている and 一部だけ: right
            Assert.Equal(0.0, second.GetProperty("agreedWrongWithoutAsking").GetDouble());
            Assert.Equal(1, second.GetProperty("askedOnAgreedCodes").GetInt32());   // 「たぶん」 asked where both humans read yes
            Assert.Equal(3, second.GetProperty("agreedCodes").GetInt32());
            Assert.Equal(0.6, second.GetProperty("humanRight").GetDouble(), 3);     // t1–t3 of five
            Assert.Equal(0.2, second.GetProperty("humanWrongWithoutAsking").GetDouble(), 3);   // t4: a code for the writer's AMBIGUOUS
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_second_label_that_is_no_code_of_the_question_is_an_error_naming_the_row()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mamori-second-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"replies": [{"id": "t1", "question": "m_backup", "reply": "毎日", "expected": "yes", "second": "daily"}]}""");
        try
        {
            var stderr = new StringWriter();

            var exit = ReadingEvalCommand.Run(file, requests: null, json: true, new StringWriter(), stderr);

            Assert.NotEqual(0, exit);
            Assert.Contains("t1: 'daily' is not a code of m_backup", stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
