using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Reports;
using Mamori.Core.Tests.Classification;
using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Reports;

/// <summary>
/// 「お近くの相談先」 as an owner reads it: named for the prefecture, first among the help, honest where the prefecture has
/// nothing of its own, and nationwide names only when the prefecture is not known.
/// </summary>
public sealed class LocalHelpTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private const string NothingFound = "見つかりませんでした";
    private const string FreeInTokyo = "東京都 無料のセキュリティ支援（訓練・体制づくり・専門家派遣）";

    private static (DiagnosisResult Result, AnswerSet Answers) Example(string name, string? prefecture = null)
    {
        var json = File.ReadAllText(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples", name + ".json"));
        var (answers, errors) = AnswerFile.Parse(json, TestKnowledge.Script, TestKnowledge.Reader);
        Assert.Empty(errors);
        if (prefecture is not null)
            answers = answers.With("prefecture", prefecture, null);
        return (TestKnowledge.Classifier.Classify(answers, BarrierSpecs.RealCatalog.Value, Today), answers);
    }

    private static ReportComposer Composer() =>
        new(TestKnowledge.Script, ReportTexts.Load(TestKnowledge.Folder), BarrierSpecs.RealCatalog.Value, font: null);

    private static (string Summary, string Details) Read(string example, string? prefecture = null)
    {
        var (result, answers) = Example(example, prefecture);
        var composer = Composer();
        return (Assert.Single(composer.Compose(result, answers)).Text, composer.NextSteps(result));
    }

    // 「■ お近くの相談先」 up to the next support type.
    private static string Local(string details)
    {
        var start = details.IndexOf("■ お近くの相談先", StringComparison.Ordinal);
        Assert.True(start >= 0, "no local help in the details");
        var end = details.IndexOf("\n■ ", start + 1, StringComparison.Ordinal);
        return end < 0 ? details[start..] : details[start..end];
    }

    [Fact]
    public void Osaka_is_told_its_own_desks_and_that_nothing_of_its_own_was_found()
    {
        var (summary, details) = Read("machine-shop-osaka");

        Assert.Contains("大阪府のよろず支援拠点", summary);
        foreach (var text in new[] { details })
        {
            Assert.Contains("大阪府のよろず支援拠点", text);
            Assert.Contains("大阪府警察のサイバー犯罪相談窓口", text);
            Assert.Contains("地元の商工会・商工会議所", text);
            Assert.Contains("大阪府が独自に行う、セキュリティ対策向けの助成金は、2026年11月の調べでは" + NothingFound, text);
            Assert.Contains("府や市町村のホームページ", text);
            Assert.Contains("緊急のときは110番、急がない相談は #9110 へ。", text);
        }
    }

    [Fact]
    public void Local_help_comes_before_the_measures_in_the_details()
    {
        var (_, details) = Read("machine-shop-osaka");

        Assert.True(details.IndexOf("■ お近くの相談先", StringComparison.Ordinal) < details.IndexOf("■ 知識", StringComparison.Ordinal));
    }

    [Fact]
    public void Tokyo_names_its_subsidy_and_police_and_no_nothing_found_sentence()
    {
        var (summary, details) = Read("bakery-tokyo");

        Assert.Contains(FreeInTokyo, summary);
        var local = Local(details);
        Assert.Contains("東京都 サイバーセキュリティ対策促進助成金（機器・サービスの導入）", local);
        Assert.Contains("警視庁のサイバー犯罪相談窓口", local);
        Assert.Contains("東京都のよろず支援拠点", local);
        foreach (var text in new[] { summary, details })
            Assert.DoesNotContain(NothingFound, text);
    }

    [Fact]
    public void A_Tokyo_company_is_told_of_Tokyos_free_programmes_and_an_Osaka_one_is_not()
    {
        // The same machine shop, in Tokyo and in Osaka: only the prefecture differs.
        var (_, tokyo) = Read("machine-shop-osaka", "tokyo");
        var (_, osaka) = Read("machine-shop-osaka");

        var local = Local(tokyo);
        Assert.Contains("・" + FreeInTokyo, local);
        Assert.Contains("費用：無料\n", local);
        Assert.Contains("今年度の無料の訓練や支援の募集が出ているか確かめてください", local);
        Assert.Contains("https://shanaitaisei.metro.tokyo.lg.jp/", local);
        // Free help comes before the subsidies, which cost the owner half.
        Assert.True(local.IndexOf(FreeInTokyo, StringComparison.Ordinal) < local.IndexOf("サイバーセキュリティ対策促進助成金", StringComparison.Ordinal));
        // Whether it runs in 2026年度 is not known: the owner is told neither that it runs nor that it closed.
        Assert.DoesNotContain("2026年度", local);

        Assert.DoesNotContain(FreeInTokyo, osaka);
        Assert.DoesNotContain("shanaitaisei", osaka);
    }

    [Fact]
    public void Kyoto_is_a_府_and_its_police_is_京都府警察()
    {
        var (_, details) = Read("clinic-kyoto");
        Assert.Contains("京都府警察のサイバー犯罪相談窓口", details);
        Assert.Contains("京都府が独自に行う", details);
        Assert.Contains("府や市町村", details);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData(null)]
    public void An_unknown_prefecture_gets_the_nationwide_desks_only(string? prefecture)
    {
        var (result, answers) = Example("machine-shop-osaka", "unknown");
        if (prefecture is null)
            answers = answers.Without("prefecture");
        result = TestKnowledge.Classifier.Classify(answers, BarrierSpecs.RealCatalog.Value, Today);
        var composer = Composer();
        var summary = Assert.Single(composer.Compose(result, answers)).Text;
        var details = composer.NextSteps(result);

        Assert.Null(result.LocalHelp!.Prefecture);
        Assert.False(result.LocalHelp.NothingFound);
        Assert.Contains("お近くのよろず支援拠点", summary);
        Assert.Contains("都道府県警察のサイバー犯罪相談窓口", details);
        foreach (var text in new[] { summary, details })
        {
            Assert.DoesNotContain("大阪府", text);
            Assert.DoesNotContain(NothingFound, text);
        }
    }

    [Fact]
    public void The_summary_does_not_link_the_よろず支援拠点_twice()
    {
        var (summary, _) = Read("clinic-kyoto");
        Assert.Single(summary.Split('\n'), l => l.Contains("https://yorozu.smrj.go.jp/", StringComparison.Ordinal));
    }
}
