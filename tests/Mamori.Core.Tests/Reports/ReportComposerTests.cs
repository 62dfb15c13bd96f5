using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Reports;
using Mamori.Core.Tests.Classification;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Reports;

public sealed class ReportComposerTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly Lazy<ReportTexts> Texts = new(() => ReportTexts.Load(TestKnowledge.Folder));

    private static ReportComposer Composer(CjkFont? font = null) =>
        new(TestKnowledge.Script, Texts.Value, BarrierSpecs.RealCatalog.Value, font);

    // A Tokyo shop owner who typed their answers in their own words.
    private static AnswerSet Typed()
    {
        var answers = AnswerSet.Empty;
        foreach (var (id, text) in new[]
        {
            ("industry", "パン屋"), ("employees", "社長と二人"), ("prefecture", "都内"), ("it_dependence", "仕事にならない"),
            ("data_held", "顧客名簿"), ("supply_chain", "ない"), ("it_plan", "IT導入補助金を使いたい"), ("mot_bids", "ない"),
            ("mot_duty", "当然です"), ("aw_target", "うちは小さいから関係ない"), ("aw_owner", "社長"), ("aw_cost", "考えたこともない"),
            ("inv_budget", "ゼロ"), ("inv_incident", "何も用意していない"), ("tal_person", "自分で"), ("tal_skill", "手探りです"),
            ("tal_outside", "ない"), ("m_updates", "たまに"), ("m_antivirus", "入れてる"), ("m_passwords", "使い回してる"),
            ("m_sharing", "わからない"), ("m_threats", "いいえ"), ("m_backup", "してないです"),
        })
        {
            var match = TestKnowledge.Reader.Read(TestKnowledge.Script.Get(id), text) is { IsAnswer: true } read
                ? read
                : throw new InvalidOperationException($"{id}: {text}");
            answers = answers.With(id, match.Code!, text);
        }
        return answers;
    }

    private static (DiagnosisResult Result, IReadOnlyList<Core.Messages.BotReply> Replies) Report(AnswerSet answers, CjkFont? font = null)
    {
        var result = TestKnowledge.Classifier.Classify(answers, BarrierSpecs.RealCatalog.Value, Today);
        return (result, Composer(font).Compose(result, answers));
    }

    // What an owner reads on a card channel and on a text channel is the same summary, once.
    private static string Summary(IReadOnlyList<Core.Messages.BotReply> replies) => Assert.Single(replies).Text;

    [Fact]
    public void The_summary_names_the_barrier_in_one_sentence_quoting_the_owner_and_leads_with_one_thing_for_this_week()
    {
        var (result, replies) = Report(Typed());
        Assert.Equal(Core.Domain.Stage.Awareness, result.PrimaryBarrier);
        var summary = Summary(replies);
        Assert.Contains("「被害に遭う可能性」に「うちは小さいから関係ない」とお答えいただいたことから、いちばんの壁は「経営者の認識」です。", summary);
        Assert.Contains("ステップ1「まず始める」", summary);
        Assert.Contains("⚠", summary);                                     // IT-dependent and at step 1: the worrying pattern
        // The owner admitted reusing passwords: that is this week's one thing, not a morning meeting for two people.
        Assert.Equal("five-rules", result.ThisWeek!.MeasureId);
        Assert.Contains("▶ 今週の一歩\n使い回しているパスワードを一つ選んで", summary);
        Assert.DoesNotContain("朝礼", summary);
        Assert.DoesNotContain("aw_target", summary);
        // The reasons and the full list wait for 「くわしく」.
        Assert.DoesNotContain("そう判断した理由", summary);
        Assert.DoesNotContain("■ ", summary);
    }

    [Fact]
    public void The_summary_names_at_most_three_next_measures_besides_this_weeks_one()
    {
        var (result, replies) = Report(Typed());
        var summary = Summary(replies);
        var named = summary.Split('\n').Count(l => l.StartsWith('・'));
        Assert.InRange(named, 1, ReportComposer.SummaryMeasures);
        Assert.True(result.Recommendations.Count > ReportComposer.SummaryMeasures, "the example should have more measures than the summary shows");
    }

    [Fact]
    public void Details_give_the_reasons_with_the_picture_then_every_measure_grouped_by_support_type()
    {
        var answers = Typed();
        var (result, _) = Report(answers);
        var details = Composer().Details(result, answers);
        Assert.Equal(2, details.Count);
        var why = details[0].Text;
        Assert.StartsWith("【そう判断した理由】", why);
        Assert.Contains("「被害に遭う可能性」へのお答え：「うちは小さいから関係ない」", why);
        Assert.Contains("投資（予算化）", why);                          // the other blocked stages are named too
        Assert.NotNull(details[0].Image);
        var next = details[1].Text;
        Assert.StartsWith("【次にやること】", next);
        foreach (var r in result.Recommendations)
        {
            Assert.Contains(r.Title, next);
            Assert.Contains(r.Url, next);
            Assert.Contains(r.NextStep, next);
        }
        Assert.Contains("■ 知識（学ぶ・知る）", next);
        Assert.Contains("（IT導入と一緒に）", next);                       // the IT subsidy plan brings bundled security
        // A Tokyo programme comes first, under 「お近くの相談先」, and is not marked 「（地域の制度）」 there as well.
        var local = next[next.IndexOf("■ お近くの相談先", StringComparison.Ordinal)..next.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.Contains("・東京都", local);
        Assert.DoesNotContain("（地域の制度）", local);
    }

    [Fact]
    public void The_summary_card_has_the_verdict_this_week_and_the_next_measures()
    {
        var (result, replies) = Report(Typed());
        var card = replies[0].Card!;
        Assert.Equal(["いちばんの壁", "今週の一歩", "次の一歩"], card.Sections.Select(s => s.Heading));
        Assert.Equal("経営者の認識", card.Sections[0].Items[0].Title);
        Assert.Contains("うちは小さいから関係ない", card.Sections[0].Items[0].Text);
        Assert.Contains("今のステップ：ステップ1「まず始める」", card.Sections[0].Items[0].Text);
        Assert.StartsWith("使い回しているパスワード", card.Sections[1].Items[0].Text);
        Assert.InRange(card.Sections[2].Items.Count, 1, ReportComposer.SummaryMeasures);
    }

    [Fact]
    public void The_report_has_the_verdict_and_every_measure_and_no_caution()
    {
        var (result, replies) = Report(Typed());
        var report = replies[0].Report!;
        Assert.NotNull(report.Picture);
        var sections = report.Card.Sections;
        Assert.Equal("経営者の認識", sections[0].Items[0].Title);
        Assert.Contains("自社が被害に遭うことはない", sections[0].Items[0].Text);   // the rule that held (the page lists the answers)
        var links = sections.SelectMany(s => s.Items).Select(i => i.Url).OfType<string>().ToHashSet();
        Assert.All(result.Recommendations, r => Assert.Contains(r.Url, links));
        // Cautions are for advisers: the report page shows them in the adviser's view only, from the catalog.
        var texts = string.Join("\n", sections.SelectMany(s => s.Items).Select(i => i.Text));
        foreach (var caution in result.Recommendations.Select(r => BarrierSpecs.RealCatalog.Value.Find(r.MeasureId)!.Caution).OfType<string>())
            Assert.DoesNotContain(caution.Trim(), texts);
    }

    [Fact]
    public void A_button_answer_is_quoted_by_its_label_and_an_unanswered_one_is_said_to_be_unknown()
    {
        var answers = BarrierSpecs.AnswersFor(BarrierSpecs.All[0]).With("aw_target", "no");
        var (_, replies) = Report(answers);
        Assert.Contains("「遭わないと思う」", Summary(replies));
        var answersWithoutTarget = BarrierSpecs.AnswersFor(BarrierSpecs.All[0]).Without("aw_target");
        var (result, _) = Report(answersWithoutTarget);
        var why = Composer().Why(result, answersWithoutTarget);
        Assert.Contains("お答えがなかったので「わからない」として扱いました", why);
    }

    [Fact]
    public void With_nothing_blocked_the_summary_says_so_and_this_week_comes_from_the_first_measure()
    {
        var answers = BarrierSpecs.AnswersFor(BarrierSpecs.All[0]);
        var (result, replies) = Report(answers);
        Assert.Null(result.PrimaryBarrier);
        Assert.False(result.Undetermined);
        var summary = Summary(replies);
        Assert.Contains("大きな壁は見つかりませんでした", summary);
        Assert.Contains("ステップ4「改善を続ける」", summary);
        Assert.NotEmpty(result.Recommendations);
        Assert.Equal(result.Recommendations[0].MeasureId, result.ThisWeek!.MeasureId);
        Assert.Contains(result.ThisWeek.Action, summary);
    }

    [Fact]
    public void All_unknown_answers_say_it_cannot_tell_yet_what_to_find_out_and_recommend_the_self_check_and_people()
    {
        var answers = AnswerSet.Empty;
        foreach (var q in TestKnowledge.Script.Questions)
            answers = answers.With(q.Id, "unknown", "わからない");
        var (result, replies) = Report(answers);
        Assert.True(result.Undetermined);
        Assert.Null(result.PrimaryBarrier);
        Assert.Equal(["self-check-25", "yorozu-support-center", "ipa-security-consultation-desk"], result.Recommendations.Select(r => r.MeasureId));
        var summary = Summary(replies);
        Assert.Contains("どこでつまずいているかを判断できませんでした", summary);
        Assert.Contains("まず確かめること：", summary);
        Assert.Contains("自社診断", summary);
        Assert.DoesNotContain("いちばんの壁は", summary);
        Assert.DoesNotContain("動機付け", summary);
        Assert.Equal("前回の診断では「わからない」が多く、壁を判断できませんでした。", Composer().Headline(result));
    }

    [Theory]
    [InlineData("1-5", "一緒に働く方と5分だけ")]
    [InlineData("21-50", "朝礼や打ち合わせで5分")]
    public void This_weeks_action_fits_the_size_of_the_company(string employees, string expected)
    {
        var answers = BarrierSpecs.AnswersFor(BarrierSpecs.All[0]).With("employees", employees).With("m_threats", "no");
        var (result, replies) = Report(answers);
        Assert.Contains("怪しいメール", result.ThisWeek!.Action);
        Assert.Contains(expected, Summary(replies));
    }

    [Fact]
    public void The_headline_for_a_returning_user_is_one_Japanese_sentence()
    {
        var (result, _) = Report(Typed());
        Assert.Equal("前回の診断では、いちばんの壁は「経営者の認識」、ステップ1「まず始める」でした。", Composer().Headline(result));
        Assert.Equal("前回の診断では大きな壁はなく、ステップ4「改善を続ける」でした。", Composer().Headline(null, 4));
    }

    [Fact]
    public void Without_a_CJK_font_the_picture_is_SVG_only()
    {
        var answers = Typed();
        var (result, _) = Report(answers, font: null);
        var image = Composer(font: null).Details(result, answers)[0].Image!;
        Assert.Null(image.Png);
        Assert.Contains("<svg", image.Svg);
        Assert.Contains("経営者の認識", image.AltText);
    }
}
