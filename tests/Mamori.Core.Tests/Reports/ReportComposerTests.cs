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

    [Fact]
    public void Names_the_barrier_and_quotes_the_owners_own_words()
    {
        var (result, replies) = Report(Typed());
        Assert.Equal(Core.Domain.Stage.Awareness, result.PrimaryBarrier);
        var summary = replies[0].Text;
        Assert.Contains("いちばんの壁は「経営者の認識」です。", summary);
        Assert.Contains("「うちは小さいから関係ない」", summary);          // what the owner typed, not a code
        Assert.Contains("「被害に遭う可能性」", summary);
        Assert.Contains("ステップ1「まず始める」", summary);
        Assert.Contains("投資（予算化）", summary);                        // the other blocked stages are named too
        Assert.Contains("⚠", summary);                                     // IT-dependent and at step 1: the worrying pattern
        Assert.DoesNotContain("aw_target", summary);
    }

    [Fact]
    public void Groups_next_steps_by_support_type_with_links()
    {
        var (result, replies) = Report(Typed());
        var next = replies[1].Text;
        Assert.StartsWith("【次にやること】", next);
        foreach (var r in result.Recommendations)
        {
            Assert.Contains(r.Title, next);
            Assert.Contains(r.Url, next);
            Assert.Contains(r.NextStep, next);
        }
        Assert.Contains("■ 知識（学ぶ・知る）", next);
        Assert.Contains("（IT導入と一緒に）", next);                       // the IT subsidy plan brings bundled security
        Assert.Contains("（地域の制度）", next);                           // a Tokyo programme
    }

    [Fact]
    public void The_card_carries_the_barrier_the_step_and_every_recommendation()
    {
        var (result, replies) = Report(Typed());
        var card = replies[2].Card!;
        Assert.Equal("いちばんの壁", card.Sections[0].Heading);
        Assert.Equal("経営者の認識", card.Sections[0].Items[0].Title);
        Assert.Contains("うちは小さいから関係ない", card.Sections[0].Items[0].Text);
        Assert.Equal("今のステップ", card.Sections[1].Heading);
        var links = card.Sections.Skip(2).SelectMany(s => s.Items).Select(i => i.Url).ToList();
        Assert.Equal(result.Recommendations.Select(r => r.Url).Order(), links.Order());
    }

    [Fact]
    public void A_button_answer_is_quoted_by_its_label_and_an_unanswered_one_is_said_to_be_unknown()
    {
        var answers = AnswerSet.Empty.With("supply_chain", "requested").With("aw_target", "no").With("inv_budget", "zero");
        var (_, replies) = Report(answers);
        Assert.Contains("「遭わないと思う」", replies[0].Text);
        var answersWithoutTarget = AnswerSet.Empty.With("supply_chain", "requested");
        var summary = Report(answersWithoutTarget).Replies[0].Text;
        Assert.Contains("お答えがなかったので「わからない」として扱いました", summary);
    }

    [Fact]
    public void With_nothing_blocked_the_report_says_so_and_aims_at_the_current_step()
    {
        var answers = BarrierSpecs.AnswersFor(BarrierSpecs.All[0]);
        var (result, replies) = Report(answers);
        Assert.Null(result.PrimaryBarrier);
        Assert.Contains("大きな壁は見つかりませんでした", replies[0].Text);
        Assert.Contains("ステップ4「改善を続ける」", replies[0].Text);
        Assert.NotEmpty(result.Recommendations);
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
        var (_, replies) = Report(Typed(), font: null);
        var image = replies[0].Image!;
        Assert.Null(image.Png);
        Assert.Contains("<svg", image.Svg);
        Assert.Contains("経営者の認識", image.AltText);
    }
}
