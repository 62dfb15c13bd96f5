using Mamori.Core.Diagnosis;
using Mamori.Core.Reports;
using Mamori.Core.Tests.Classification;
using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Reports;

/// <summary>
/// The summary each example company reads, word for word, kept in Specs/summaries/&lt;example&gt;.txt: a change to the
/// rules, the catalog or the wording shows up here as a diff to read, not as a silent change in what owners see.
/// After a deliberate change, run once with MAMORI_UPDATE_GOLDEN=1 and review the diff of the .txt files.
/// </summary>
public sealed class GoldenSummaryTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory, MemberData(nameof(Examples))]
    public void The_summary_is_the_reviewed_one(string example)
    {
        var json = File.ReadAllText(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples", example + ".json"));
        var (answers, errors) = AnswerFile.Parse(json, TestKnowledge.Script, TestKnowledge.Reader);
        Assert.Empty(errors);
        var catalog = BarrierSpecs.RealCatalog.Value;
        var result = TestKnowledge.Classifier.Classify(answers, catalog, Today);
        var summary = new ReportComposer(TestKnowledge.Script, ReportTexts.Load(TestKnowledge.Folder), catalog, font: null).SummaryText(result, answers) + "\n";

        var golden = Path.Combine(TestKnowledge.Specs, "summaries", example + ".txt");
        if (Environment.GetEnvironmentVariable("MAMORI_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, summary);
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run the tests once with MAMORI_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(golden), summary);
        // Short enough for a phone: the text channels (LINE, the console) show this as it is.
        Assert.True(summary.Split('\n').Length <= 16, $"{example}: {summary.Split('\n').Length} lines");
    }
}
