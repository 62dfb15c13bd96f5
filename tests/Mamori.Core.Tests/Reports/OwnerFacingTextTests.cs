using Mamori.Core.Diagnosis;
using Mamori.Core.Messages;
using Mamori.Core.Reports;
using Mamori.Core.Tests.Classification;
using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Reports;

/// <summary>
/// Nothing meant for the people who checked the facts reaches an owner: not in the chat summary, the card, 「くわしく」
/// or the printed report's card (the report page shows cautions in the adviser's view only).
/// </summary>
public sealed class OwnerFacingTextTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    // What a reviewer writes and an owner cannot act on.
    private static readonly string[] ReviewerWords = ["要確認", "未確認", "確認できて", "確認できませ", "見つかって", "調査時点", "調べた範囲", "2次", "解説記事"];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory, MemberData(nameof(Examples))]
    public void No_reviewer_note_in_anything_an_owner_reads(string example)
    {
        var json = File.ReadAllText(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples", example));
        var (answers, errors) = AnswerFile.Parse(json, TestKnowledge.Script, TestKnowledge.Reader);
        Assert.Empty(errors);
        var catalog = BarrierSpecs.RealCatalog.Value;
        var result = TestKnowledge.Classifier.Classify(answers, catalog, Today);
        var composer = new ReportComposer(TestKnowledge.Script, ReportTexts.Load(TestKnowledge.Folder), catalog, font: null);

        var summary = Assert.Single(composer.Compose(result, answers));
        var read = new List<string> { summary.Text };
        read.AddRange(CardTexts(summary.Card!));
        read.AddRange(CardTexts(summary.Report!.Card));
        read.AddRange(composer.Details(result, answers).Select(r => r.Text));

        foreach (var text in read)
        {
            foreach (var word in ReviewerWords)
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{example}: 「{word}」 reaches the owner in: {text}");
        }
        // Cautions are kept, for advisers.
        var cautions = result.Recommendations.Select(r => catalog.Find(r.MeasureId)!.Caution).OfType<string>().ToList();
        Assert.All(cautions, c => Assert.DoesNotContain(read, t => t.Contains(c.Trim(), StringComparison.Ordinal)));
    }

    private static IEnumerable<string> CardTexts(ReplyCard card) =>
        card.Sections.SelectMany(s => s.Items.SelectMany(i => new[] { i.Title, i.Text }).Prepend(s.Heading)).Prepend(card.Title);
}
