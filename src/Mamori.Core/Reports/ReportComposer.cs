using System.Globalization;
using System.Text;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using Mamori.Core.Measures;
using Mamori.Core.Messages;

namespace Mamori.Core.Reports;

/// <summary>
/// Turns a <see cref="DiagnosisResult"/> into what the owner reads: what blocks them and why (quoting their own answers),
/// their step, what to do next grouped by support type with links, a card with the same, and the five-stage picture.
/// Pure apart from drawing the PNG; the wording comes from report.yaml.
/// </summary>
public sealed class ReportComposer(DiagnosisScript script, ReportTexts texts, MeasureCatalog catalog, CjkFont? font)
{
    /// <summary>Loads the wording and looks for a Japanese font once; without one the picture is SVG only.</summary>
    public static ReportComposer Load(ContentRoot content, DiagnosisScript script, MeasureCatalog catalog) =>
        new(script, ReportTexts.Load(content), catalog, CjkFont.Locate());

    public ReportTexts Texts => texts;

    /// <summary>True when the PNG picture can be drawn (a CJK font was found).</summary>
    public bool CanDrawPng => font is not null;

    /// <returns>Three replies: the summary with the picture, the next steps as text, and a card with both.</returns>
    public IReadOnlyList<BotReply> Compose(DiagnosisResult result, AnswerSet answers)
    {
        var chart = StageChart.For(result, texts);
        var image = new ReplyImage(chart.AltText, chart.ToSvg(), font is null ? null : new StageChartPng(font).Render(chart));
        return
        [
            new BotReply { Text = Summary(result, answers), Image = image },
            new BotReply { Text = NextSteps(result) },
            new BotReply { Text = texts["title"], Card = Card(result, answers) },
        ];
    }

    /// <summary>One sentence for a returning user: 「前回の診断では、いちばんの壁は『経営者の認識』…でした。」</summary>
    public string Headline(DiagnosisResult result) => Headline(result.PrimaryBarrier, result.MaturityStep);

    public string Headline(Stage? primaryBarrier, int maturityStep)
    {
        var step = (("step", maturityStep.ToString(CultureInfo.InvariantCulture)), ("stepName", texts.Steps[maturityStep].Name));
        return primaryBarrier is { } stage
            ? texts.Format("headline", ("stage", texts.StageName(stage)), step.Item1, step.Item2)
            : texts.Format("headlineNone", step.Item1, step.Item2);
    }

    public string Summary(DiagnosisResult result, AnswerSet answers)
    {
        var sb = new StringBuilder();
        sb.Append('【').Append(texts["title"]).Append("】\n");
        if (result.PrimaryBarrier is { } primary)
        {
            sb.Append(texts.Format("primaryBarrier", ("stage", texts.StageName(primary)))).Append('\n');
            sb.Append(texts.Format("primaryMeaning", ("meaning", texts.Stages[primary].Meaning), ("why", texts.Stages[primary].Why))).Append("\n\n");
            sb.Append('〈').Append(texts["whyHeading"]).Append("〉\n");
            var finding = result.Barriers.First(b => b.Stage == primary);
            foreach (var reason in finding.Reasons)
                sb.Append("・").Append(reason).Append('\n');
            foreach (var line in QuotedAnswers(finding, answers))
                sb.Append("　").Append(line).Append('\n');
            var others = result.BlockedStages.Where(s => s != primary).Select(texts.StageName).ToList();
            if (others.Count > 0)
                sb.Append('\n').Append(texts.Format("otherBarriers", ("stages", string.Join(texts["separator"], others)), ("primary", texts.StageName(primary)))).Append('\n');
        }
        else
        {
            sb.Append(texts["noBarrier"]).Append('\n');
        }
        sb.Append('\n').Append(StepLine(result)).Append('\n').Append(texts.Steps[result.MaturityStep].Advice).Append('\n');
        if (result.WorryingPattern)
            sb.Append('\n').Append("⚠ ").Append(texts["worrying"]).Append('\n');
        return sb.ToString().TrimEnd();
    }

    public string NextSteps(DiagnosisResult result)
    {
        var sb = new StringBuilder();
        sb.Append('【').Append(texts["nextHeading"]).Append("】\n");
        if (result.Recommendations.Count == 0)
            return sb.Append(texts["noRecommendations"]).ToString();
        if (result.ItPlan && result.Recommendations.Any(r => r.ItBundle))
            sb.Append(texts["itPlan"]).Append('\n');
        foreach (var group in ByType(result))
        {
            sb.Append("\n■ ").Append(texts.SupportTypes[group.Key]).Append('\n');
            foreach (var r in group)
            {
                sb.Append("・").Append(r.Title).Append(Marks(r)).Append('\n');
                foreach (var line in Terms(catalog.Find(r.MeasureId)))
                    sb.Append("　").Append(line).Append('\n');
                sb.Append("　").Append(texts.Format("nextStep", ("nextStep", r.NextStep))).Append('\n');
                sb.Append("　").Append(r.Url).Append('\n');
            }
        }
        return sb.ToString().TrimEnd();
    }

    private ReplyCard Card(DiagnosisResult result, AnswerSet answers)
    {
        var sections = new List<CardSection>();
        if (result.PrimaryBarrier is { } primary)
        {
            var finding = result.Barriers.First(b => b.Stage == primary);
            sections.Add(new CardSection(texts["cardBarrierHeading"],
            [
                new CardItem(texts.StageName(primary), string.Join("\n", finding.Reasons.Concat(QuotedAnswers(finding, answers)))),
            ]));
        }
        else
        {
            sections.Add(new CardSection(texts["cardBarrierHeading"], [new CardItem("—", texts["noBarrier"])]));
        }
        var stepText = texts.Steps[result.MaturityStep].Advice + (result.WorryingPattern ? "\n⚠ " + texts["worrying"] : "");
        sections.Add(new CardSection(texts["cardStepHeading"], [new CardItem(StepLine(result), stepText)]));
        foreach (var group in ByType(result))
        {
            sections.Add(new CardSection(texts.SupportTypes[group.Key], group.Select(r =>
            {
                var measure = catalog.Find(r.MeasureId);
                var lines = Terms(measure).Append(texts.Format("nextStep", ("nextStep", r.NextStep))).ToList();
                if (!string.IsNullOrWhiteSpace(measure?.Caution))
                    lines.Add(texts.Format("caution", ("caution", measure.Caution.Trim())));
                return new CardItem(r.Title + Marks(r), string.Join("\n", lines), r.Url);
            }).ToList()));
        }
        return new ReplyCard(texts["title"], sections);
    }

    /// <summary>
    /// Who may use it and what it costs, one short line each: an owner decides on these before opening any link.
    /// The text reply leaves the caution to the card, so the list stays short on a phone.
    /// </summary>
    private IEnumerable<string> Terms(Measure? measure)
    {
        if (measure is null)
            yield break;
        if (!string.IsNullOrWhiteSpace(measure.Eligibility.Note))
            yield return texts.Format("condition", ("condition", BriefText.Condition(measure.Eligibility.Note.Trim())));
        if (!string.IsNullOrWhiteSpace(measure.Cost))
            yield return texts.Format("cost", ("cost", BriefText.Cost(measure.Cost.Trim())));
    }

    /// <summary>The owner's own words for each piece of evidence: the text they typed, or the button they pressed.</summary>
    private IEnumerable<string> QuotedAnswers(StageFinding finding, AnswerSet answers)
    {
        foreach (var id in finding.Evidence)
        {
            var question = script.Get(id);
            yield return answers.Get(id) is { } answer
                ? texts.Format("yourAnswer", ("topic", question.Topic), ("answer", Said(question, answer)))
                : texts.Format("unansweredAnswer", ("topic", question.Topic));
        }
    }

    // A code from an answers file reads badly (「under100k」): show its label; free text is quoted as typed.
    private static string Said(Question question, Answer answer) =>
        answer.Raw == answer.Code || string.IsNullOrWhiteSpace(answer.Raw) ? question.LabelOf(answer.Code) : answer.Raw.Trim();

    private string StepLine(DiagnosisResult result) =>
        texts.Format("step", ("step", result.MaturityStep.ToString(CultureInfo.InvariantCulture)), ("name", texts.Steps[result.MaturityStep].Name));

    private string Marks(Recommendation r) => (r.ItBundle ? texts["bundleMark"] : "") + (r.Local ? texts["localMark"] : "");

    private static IEnumerable<IGrouping<SupportType, Recommendation>> ByType(DiagnosisResult result) =>
        result.Recommendations.GroupBy(r => r.SupportType).OrderBy(g => g.Key);
}
