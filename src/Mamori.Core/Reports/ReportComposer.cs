using System.Globalization;
using System.Text;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using Mamori.Core.Measures;
using Mamori.Core.Messages;

namespace Mamori.Core.Reports;

/// <summary>
/// Turns a <see cref="DiagnosisResult"/> into what the owner reads, in three layers (docs/diagnosis.md, "The result"):
/// a summary that fits one phone screen (the barrier in one sentence quoting the owner, the step, the one thing to do this
/// week and the next few measures); 「くわしく」 with the reasons, the stage picture and every measure; and the printable
/// report with all of it, the company profile and every answer. Pure apart from drawing the PNG; the wording is report.yaml.
/// </summary>
public sealed class ReportComposer(DiagnosisScript script, ReportTexts texts, MeasureCatalog catalog, CjkFont? font)
{
    /// <summary>How many lines 「次の一歩」 has besides the one for this week (the local-help line and measures): a third would not fit a 360×740 phone.</summary>
    public const int SummaryMeasures = 2;

    private readonly LocalHelpText _local = new(texts);

    /// <summary>How many things to find out an undetermined summary names before 「ほかN件」.</summary>
    private const int FindOutShown = 3;

    /// <summary>Loads the wording and looks for a Japanese font once; without one the picture is SVG only.</summary>
    public static ReportComposer Load(ContentRoot content, DiagnosisScript script, MeasureCatalog catalog) =>
        new(script, ReportTexts.Load(content), catalog, CjkFont.Locate());

    public ReportTexts Texts => texts;

    /// <summary>True when the PNG picture can be drawn (a CJK font was found).</summary>
    public bool CanDrawPng => font is not null;

    /// <returns>One reply: the summary as a card for channels with cards and as text for the others, and the full report behind it.</returns>
    public IReadOnlyList<BotReply> Compose(DiagnosisResult result, AnswerSet answers) =>
    [
        new BotReply
        {
            Text = SummaryText(result, answers),
            Card = SummaryCard(result, answers),
            Report = new ReplyReport(ReportCard(result, answers), Picture(result)),
        },
    ];

    /// <returns>What 「くわしく」 shows: why (with the stage picture), then every recommended measure with its terms.</returns>
    public IReadOnlyList<BotReply> Details(DiagnosisResult result, AnswerSet answers) =>
    [
        new BotReply { Text = Why(result, answers), Image = Picture(result) },
        new BotReply { Text = NextSteps(result) },
    ];

    /// <summary>One sentence for a returning user: 「前回の診断では、いちばんの壁は『経営者の認識』…でした。」</summary>
    public string Headline(DiagnosisResult result) =>
        result.Undetermined ? texts.Format("headlineUndetermined") : Headline(result.PrimaryBarrier, result.MaturityStep);

    public string Headline(Stage? primaryBarrier, int maturityStep)
    {
        var step = (("step", maturityStep.ToString(CultureInfo.InvariantCulture)), ("stepName", texts.Steps[maturityStep].Name));
        return primaryBarrier is { } stage
            ? texts.Format("headline", ("stage", texts.StageName(stage)), step.Item1, step.Item2)
            : texts.Format("headlineNone", step.Item1, step.Item2);
    }

    /// <summary>The summary for channels without cards (and the console): the same content as the card, as lines.</summary>
    public string SummaryText(DiagnosisResult result, AnswerSet answers)
    {
        var sb = new StringBuilder();
        sb.Append('【').Append(texts["title"]).Append("】\n").Append(Verdict(result, answers)).Append('\n');
        if (FindOut(result, answers) is { } findOut)
            sb.Append(findOut).Append('\n');
        if (!result.Undetermined)
            sb.Append(StepLine(result)).Append('\n');
        if (result.WorryingPattern)
            sb.Append(texts["worryingShort"]).Append('\n');
        if (result.ThisWeek is { } week)
        {
            sb.Append("\n▶ ").Append(texts["thisWeekHeading"]).Append('\n').Append(week.Action).Append('\n');
            if (catalog.Find(week.MeasureId) is { } measure)
                sb.Append("（").Append(measure.Name).Append(" ").Append(measure.Url).Append("）\n");
        }
        var local = _local.SummaryLine(result.LocalHelp);
        var next = NextMeasures(result);
        if (next.Count > 0 || local is not null)
        {
            sb.Append('\n').Append(texts["moreHeading"]).Append('\n');
            if (local is { } line)
                sb.Append("・").Append(line.Title).Append(' ').Append(line.Url).Append('\n');
            foreach (var r in next)
                sb.Append("・").Append(r.Title).Append(Marks(r)).Append(' ').Append(r.Url).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The reasons behind the verdict, quoting the owner, the other blocked stages and the step's advice.</summary>
    public string Why(DiagnosisResult result, AnswerSet answers) => $"【{texts["whyHeading"]}】\n{Reasons(result, answers)}";

    // The reasons without their heading: the report puts them under its own. On paper (forReport) the stage's meaning and
    // the quoted answers are left out: the report page lists every answer itself, and two A4 pages must hold it all.
    private string Reasons(DiagnosisResult result, AnswerSet answers, bool forReport = false)
    {
        var sb = new StringBuilder();
        if (result.Undetermined)
        {
            sb.Append(texts["undetermined"]).Append('\n');
            foreach (var id in UnknownAnswers(result, answers))
                sb.Append("・").Append(script.Get(id).Topic).Append('\n');
            return sb.ToString().TrimEnd();
        }
        if (result.PrimaryBarrier is { } primary)
        {
            if (!forReport)
                sb.Append(texts.Format("primaryMeaning", ("meaning", texts.Stages[primary].Meaning), ("why", texts.Stages[primary].Why))).Append('\n');
            var finding = result.Barriers.First(b => b.Stage == primary);
            foreach (var reason in finding.Reasons)
                sb.Append("・").Append(reason).Append('\n');
            foreach (var line in forReport ? [] : QuotedAnswers(finding, answers))
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
        // Who nearby can help comes first: an owner should know whom to call before reading about programmes.
        if (result.LocalHelp is { } local)
        {
            sb.Append("■ ").Append(_local.Heading).Append('\n');
            // Under this heading 「（地域の制度）」 would only repeat it.
            foreach (var r in OwnMeasures(result))
                AppendEntry(sb, r with { Local = false });
            foreach (var line in _local.Lines(local))
                sb.Append(line).Append('\n');
        }
        var gap = result.LocalHelp is null ? "" : "\n";
        if (result.Recommendations.Count == 0)
            return sb.Append(gap).Append(texts["noRecommendations"]).ToString();
        if (result.ItPlan && result.Recommendations.Any(r => r.ItBundle))
            sb.Append(gap).Append(texts["itPlan"]).Append('\n');
        foreach (var group in ByType(result))
        {
            sb.Append("\n■ ").Append(texts.SupportTypes[group.Key]).Append('\n');
            foreach (var r in group)
                AppendEntry(sb, r);
        }
        return sb.ToString().TrimEnd();
    }

    private void AppendEntry(StringBuilder sb, Recommendation r)
    {
        sb.Append("・").Append(r.Title).Append(Marks(r)).Append('\n');
        foreach (var line in Terms(catalog.Find(r.MeasureId)))
            sb.Append("　").Append(line).Append('\n');
        sb.Append("　").Append(texts.Format("nextStep", ("nextStep", r.NextStep))).Append('\n');
        sb.Append("　").Append(r.Url).Append('\n');
    }

    // The prefecture's own programmes open to this company, as recommended where they were (else as the catalog has them):
    // they are listed under 「お近くの相談先」 and not again under their support type.
    private IEnumerable<Recommendation> OwnMeasures(DiagnosisResult result) =>
        (result.LocalHelp?.OwnMeasures ?? []).Select(id => result.Recommendations.FirstOrDefault(r => r.MeasureId == id)
            ?? (catalog.Find(id) is { } m ? new Recommendation(m.Id, m.Barriers[0], m.SupportType, m.Name, m.Url, m.NextStep, false, true) : null))
            .OfType<Recommendation>();

    private ReplyCard SummaryCard(DiagnosisResult result, AnswerSet answers)
    {
        var verdict = new List<string> { Verdict(result, answers) };
        if (FindOut(result, answers) is { } findOut)
            verdict.Add(findOut);
        else
            verdict.Add(StepLine(result));
        if (result.WorryingPattern)
            verdict.Add(texts["worryingShort"]);
        var sections = new List<CardSection> { new(texts["cardBarrierHeading"], [new CardItem(VerdictTitle(result), string.Join("\n", verdict))]) };
        if (ThisWeekItem(result) is { } week)
            sections.Add(new CardSection(texts["thisWeekHeading"], [week]));
        var items = NextMeasures(result).Select(r => new CardItem(r.Title + Marks(r), "", r.Url)).ToList();
        if (_local.SummaryLine(result.LocalHelp) is { } local)
            items.Insert(0, new CardItem(local.Title, "", local.Url));
        if (items.Count > 0)
            sections.Add(new CardSection(texts["moreHeading"], items));
        return new ReplyCard(texts["title"], sections);
    }

    /// <summary>For printing: the verdict and why, this week and every measure (the page adds the answers and, for advisers, what was not asked).</summary>
    private ReplyCard ReportCard(DiagnosisResult result, AnswerSet answers)
    {
        // The company profile, every answer and the cautions are the report page's (Host/Reports), from the stored answers.
        var sections = new List<CardSection> { new(texts["cardBarrierHeading"], [new CardItem(VerdictTitle(result), Reasons(result, answers, forReport: true))]) };
        if (ThisWeekItem(result) is { } week)
            sections.Add(new CardSection(texts["thisWeekHeading"], [week]));
        // No 「お近くの相談先」 on paper yet: even as one entry it pushed the owner's report onto a third A4 page.
        foreach (var group in ByType(result, ownApart: false))
            sections.Add(new CardSection(texts.SupportTypes[group.Key], group.Select(ReportItem).ToList()));
        return new ReplyCard(texts["reportTitle"], sections);
    }

    private CardItem ReportItem(Recommendation r)
    {
        var measure = catalog.Find(r.MeasureId);
        var lines = Terms(measure).Append(texts.Format("nextStep", ("nextStep", r.NextStep))).ToList();
        // The page's address only when it is not the measure's own link (printed beside its title already).
        if (measure?.Latest is { } latest)
            lines.Add(latest.Url == r.Url ? texts.Format("latestHere", ("page", latest.Page)) : texts.Format("latest", ("page", latest.Page), ("url", latest.Url)));
        return new CardItem(r.Title + Marks(r), string.Join("\n", lines), r.Url);
    }

    private string VerdictTitle(DiagnosisResult result) =>
        result.Undetermined ? texts["undeterminedTitle"]
        : result.PrimaryBarrier is { } primary ? texts.StageName(primary) : texts["noBarrierTitle"];

    // 「『予算なんてないです』とのお答えから、いちばんの壁は『投資（予算化）』です。」: the owner's own words, where there are some.
    private string Verdict(DiagnosisResult result, AnswerSet answers)
    {
        if (result.Undetermined)
            return texts["undetermined"];
        if (result.PrimaryBarrier is not { } primary)
            return texts["noBarrier"];
        var finding = result.Barriers.First(b => b.Stage == primary);
        var stage = ("stage", texts.StageName(primary));
        // The stage's own questions say it best (「取引先からの要請」 for motivation), before profile answers it also used.
        var said = finding.Evidence.Select(id => (Question: script.Get(id), Answer: answers.Get(id)))
            .OrderBy(e => e.Question.Section == primary.Code() ? 0 : 1)
            .FirstOrDefault(e => e.Answer is { Code: not Choice.UnknownCode });
        if (said.Answer is { } answer)
            return texts.Format("primaryQuoted", ("answer", Said(said.Question, answer)), ("topic", said.Question.Topic), stage);
        return finding.Evidence.Count > 0
            ? texts.Format("primaryUnconfirmed", ("topic", script.Get(finding.Evidence[0]).Topic), stage)
            : texts.Format("primaryBarrier", stage);
    }

    // What an undetermined result asks the owner to find out: the topics answered 「わからない」, the first few.
    private string? FindOut(DiagnosisResult result, AnswerSet answers)
    {
        if (!result.Undetermined)
            return null;
        var unknown = UnknownAnswers(result, answers);
        var shown = string.Join(texts["separator"], unknown.Take(FindOutShown).Select(id => script.Get(id).Topic));
        var more = unknown.Count > FindOutShown ? texts.Format("findOutMore", ("count", (unknown.Count - FindOutShown).ToString(CultureInfo.InvariantCulture))) : "";
        return texts.Format("findOut", ("topics", shown + more));
    }

    // The stages' evidence that is 「わからない」, in script order: what would let the next diagnosis name a barrier.
    private List<string> UnknownAnswers(DiagnosisResult result, AnswerSet answers)
    {
        var evidence = result.Barriers.Where(b => b.Blocked).SelectMany(b => b.Evidence).ToHashSet(StringComparer.Ordinal);
        return script.Questions.Where(q => evidence.Contains(q.Id) && answers.CodeOf(q.Id) is null or Choice.UnknownCode).Select(q => q.Id).ToList();
    }

    private CardItem? ThisWeekItem(DiagnosisResult result)
    {
        if (result.ThisWeek is not { } week)
            return null;
        var measure = catalog.Find(week.MeasureId);
        return new CardItem(measure?.Name ?? texts["thisWeekHeading"], week.Action, measure?.Url);
    }

    // The next few measures after the one for this week: local ones first, as the selector ranks them. The local-help line
    // takes one of the places (a third line would not fit the phone), and its page is not listed twice.
    private List<Recommendation> NextMeasures(DiagnosisResult result)
    {
        var shown = LocalHelpText.SummaryMeasureIds(result.LocalHelp).ToHashSet(StringComparer.Ordinal);
        var places = _local.SummaryLine(result.LocalHelp) is null ? SummaryMeasures : SummaryMeasures - 1;
        return result.Recommendations.Where(r => r.MeasureId != result.ThisWeek?.MeasureId && !shown.Contains(r.MeasureId)).Take(places).ToList();
    }

    private ReplyImage Picture(DiagnosisResult result)
    {
        var chart = StageChart.For(result, texts);
        return new ReplyImage(chart.AltText, chart.ToSvg(), font is null ? null : new StageChartPng(font).Render(chart));
    }

    /// <summary>
    /// Who may use it and what it costs, one short line each: an owner decides on these before opening any link.
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
                ? texts.Format(answer.Code == Choice.UnknownCode ? "yourAnswerUnknown" : "yourAnswer", ("topic", question.Topic), ("answer", Said(question, answer)))
                : texts.Format("unansweredAnswer", ("topic", question.Topic));
        }
    }

    // A code from an answers file reads badly (「under100k」): show its label; free text is quoted as typed.
    private static string Said(Question question, Answer answer) =>
        answer.Raw == answer.Code || string.IsNullOrWhiteSpace(answer.Raw) ? question.LabelOf(answer.Code) : answer.Raw.Trim();

    private string StepLine(DiagnosisResult result) =>
        texts.Format("step", ("step", result.MaturityStep.ToString(CultureInfo.InvariantCulture)), ("name", texts.Steps[result.MaturityStep].Name));

    private string Marks(Recommendation r) => (r.ItBundle ? texts["bundleMark"] : "") + (r.Local ? texts["localMark"] : "");

    // The prefecture's own programmes are under 「お近くの相談先」 already.
    private static IEnumerable<IGrouping<SupportType, Recommendation>> ByType(DiagnosisResult result, bool ownApart = true) =>
        result.Recommendations.Where(r => !ownApart || result.LocalHelp?.OwnMeasures.Contains(r.MeasureId) != true)
            .GroupBy(r => r.SupportType).OrderBy(g => g.Key);
}
