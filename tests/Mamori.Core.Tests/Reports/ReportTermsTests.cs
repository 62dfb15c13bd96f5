using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Messages;
using Mamori.Core.Reports;
using Mamori.Core.Tests.Classification;
using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Reports;

/// <summary>Each recommended measure tells the owner who may use it and what it costs, in one short line each.</summary>
public sealed class ReportTermsTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private const string TokyoSubsidy = "tokyo-cyber-security-subsidy";

    /// <returns>The result, the next-steps text of 「くわしく」, and the printable report's card.</returns>
    private static (DiagnosisResult Result, string NextSteps, ReplyCard Report) Report(string example)
    {
        var json = File.ReadAllText(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples", example));
        var (answers, errors) = AnswerFile.Parse(json, TestKnowledge.Script, TestKnowledge.Reader);
        Assert.Empty(errors);
        var result = TestKnowledge.Classifier.Classify(answers, BarrierSpecs.RealCatalog.Value, Today);
        var composer = new ReportComposer(TestKnowledge.Script, ReportTexts.Load(TestKnowledge.Folder), BarrierSpecs.RealCatalog.Value, font: null);
        return (result, composer.Details(result, answers)[1].Text, Assert.Single(composer.Compose(result, answers)).Report!.Card);
    }

    /// <summary>The lines of the next-steps text that belong to one recommendation (its title up to its link).</summary>
    private static string Entry(string text, Recommendation r)
    {
        var start = text.IndexOf("・" + r.Title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{r.Title} is not in the text");
        var end = text.IndexOf(r.Url, start, StringComparison.Ordinal);
        return text[start..end];
    }

    [Fact]
    public void 都内の会社に東京都の助成金を勧めるときは条件と費用を示す()
    {
        var (result, next, report) = Report("bakery-tokyo.json");
        var subsidy = Assert.Single(result.Recommendations, r => r.MeasureId == TokyoSubsidy);

        var entry = Entry(next, subsidy);
        Assert.Contains("主な条件：都内に登記簿上の本店か支店がある", entry);
        Assert.Contains("★★二つ星の宣言が必要", entry);
        Assert.Contains("費用：助成率は費用の1/2以内、上限1,500万円", entry);
        Assert.DoesNotContain("個人事業主は都内で開業届", entry);        // the aside stays behind the link: the line stays short

        var item = report.Sections.SelectMany(s => s.Items).Single(i => i.Title.StartsWith(subsidy.Title, StringComparison.Ordinal));
        Assert.Contains("主な条件：都内に登記簿上の本店か支店がある", item.Text);
        Assert.Contains("費用：助成率は費用の1/2以内", item.Text);
        // The catalog's caution is for advisers (the report page's adviser view), never in the text the owner reads.
        var caution = BarrierSpecs.RealCatalog.Value.Find(TokyoSubsidy)!.Caution!.Trim();
        Assert.DoesNotContain(caution, item.Text);
    }

    [Fact]
    public void 無料の国の資料には費用として無料と示す()
    {
        var (result, next, report) = Report("machine-shop-osaka.json");
        Assert.DoesNotContain(result.Recommendations, r => r.Local && r.MeasureId.StartsWith("tokyo", StringComparison.Ordinal));
        var free = result.Recommendations.First(r => BarrierSpecs.RealCatalog.Value.Find(r.MeasureId)!.Cost == "無料");

        Assert.Contains("費用：無料\n", Entry(next, free));
        var item = report.Sections.SelectMany(s => s.Items).First(i => i.Url == free.Url && i.Title.StartsWith(free.Title, StringComparison.Ordinal));
        Assert.Contains("費用：無料", item.Text);
    }

    [Fact]
    public void 条件や費用の行は一つの措置につき短い()
    {
        var (_, next, _) = Report("bakery-tokyo.json");
        var lines = next.Split('\n').Where(l => l.StartsWith("　主な条件：", StringComparison.Ordinal) || l.StartsWith("　費用：", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(l.Length <= 110, $"too long for a phone: {l}"));
    }
}
