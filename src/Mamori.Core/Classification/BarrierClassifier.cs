using Mamori.Core.Diagnosis;
using Mamori.Core.Diagnosis.Conditions;
using Mamori.Core.Domain;
using Mamori.Core.Measures;

namespace Mamori.Core.Classification;

/// <summary>
/// Names the barrier on the adoption path (domain.md §1) and the maturity step, and picks the measures to recommend.
/// A pure function of (answers, catalog, today): the rules are data (rules.yaml), the clock is a parameter.
/// </summary>
public sealed class BarrierClassifier(DiagnosisScript script, ClassifierRules rules)
{
    public DiagnosisScript Script => script;

    public ClassifierRules Rules => rules;

    public static BarrierClassifier Load(ContentRoot content)
    {
        var script = DiagnosisScriptLoader.Load(content);
        return new BarrierClassifier(script, ClassifierRules.Load(content, script));
    }

    public DiagnosisResult Classify(AnswerSet answers, MeasureCatalog catalog, DateOnly today)
    {
        // Unanswered questions that apply count as 「わからない」; skipped ones are absent (docs/classifier-rules.md).
        var codes = script.EffectiveCodes(answers);
        string? CodeOf(string id) => codes.GetValueOrDefault(id);

        var plain = new ConditionContext(CodeOf);
        var step = rules.Steps.First(s => s.When is null || s.When.Evaluate(plain)).Step;
        var context = new ConditionContext(CodeOf, step);

        var findings = Enum.GetValues<Stage>().Select(stage => Find(stage, context, codes)).ToList();
        // Unconfirmed stages do not depend on which questions were skipped, so neither does this.
        var undetermined = findings.Count(f => f.Unconfirmed) >= rules.UndeterminedAt;
        // Too unsure to judge: no barrier is named, and the measures are those for finding out (rules.yaml undetermined).
        var primary = undetermined ? null : findings.FirstOrDefault(f => f.Blocked)?.Stage;
        var itPlan = rules.ItPlan.Evaluate(context);

        var segment = new Segment(Known(CodeOf(SegmentIds.Employees)), Known(CodeOf(SegmentIds.Industry)), Known(CodeOf(SegmentIds.Prefecture)));
        var recommendations = undetermined
            ? FindingOut(catalog, today, segment)
            : new RecommendationSelector(rules, catalog, today, segment, step)
                .Select(primary, findings.Where(f => f.Blocked).Select(f => f.Stage).ToList(), itPlan ? CodeOf(SegmentIds.ItPlan) ?? "" : null);

        // The action for this week comes from the weakest answers; when the basics are in place, or when too much is
        // unknown to judge (finding out comes first), from the first measure.
        var first = recommendations.Count > 0 ? new ThisWeekAction(recommendations[0].MeasureId, recommendations[0].NextStep) : null;
        // An entry whose measure has closed (validUntil) or is not for this company is passed over, like in the list.
        var thisWeek = undetermined ? first : rules.ThisWeek.Pick(context, id => Offerable(catalog.Find(id), today, segment)) ?? first;

        return new DiagnosisResult(primary, step, findings, recommendations,
            rules.WorryingPattern.Evaluate(context), itPlan,
            script.Questions.Where(q => codes.ContainsKey(q.Id) && !answers.Contains(q.Id)).Select(q => q.Id).ToList())
        {
            Undetermined = undetermined,
            ThisWeek = thisWeek,
            LocalHelp = catalog.LocalHelp.For(segment.Prefecture, catalog, m => Offerable(m, today, segment)),
        };
    }

    // The self-check and people to ask, in the file's order, where the company may use them and they are still current.
    private IReadOnlyList<Recommendation> FindingOut(MeasureCatalog catalog, DateOnly today, Segment segment) =>
        rules.UndeterminedRecommend.Select(catalog.Find).OfType<Measure>()
            .Where(m => Offerable(m, today, segment))
            .Select(m => new Recommendation(m.Id, m.Barriers[0], m.SupportType, m.Name, m.Url, m.NextStep, false, m.IsLocal))
            .ToList();

    private static bool Offerable(Measure? measure, DateOnly today, Segment segment) =>
        measure is not null && !measure.IsExpired(today) && measure.Eligibility.Admits(segment.Employees, segment.Industry, segment.Prefecture);

    private StageFinding Find(Stage stage, ConditionContext context, IReadOnlyDictionary<string, string> codes)
    {
        var evidence = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        foreach (var (rule, because) in rules.BlockedWhen[stage])
        {
            if (rule.Evaluate(context, evidence))
                reasons.Add(because);
        }
        var blocked = reasons.Count > 0;
        // Unconfirmed: with the 「わからない」 answers left out, no rule of the stage would hold. Not for the measures stage:
        // there 「わからない」 means not done (as in IPA's self-check), and which policy questions were asked depends on it.
        var withoutUnknown = new ConditionContext(id => codes.GetValueOrDefault(id) is { } code && code != Choice.UnknownCode ? code : null, context.MaturityStep);
        var unconfirmed = blocked && stage != Stage.Measures && !rules.BlockedWhen[stage].Any(r => r.Rule.Evaluate(withoutUnknown));
        if (!blocked)
        {
            // A clear stage shows the answers that were checked and found fine.
            foreach (var id in rules.BlockedWhen[stage].SelectMany(r => r.Rule.QuestionIds))
            {
                if (codes.TryGetValue(id, out var code) && code != Choice.UnknownCode)
                    evidence.Add(id);
            }
        }
        return new StageFinding(stage, blocked, InScriptOrder(evidence), reasons) { Unconfirmed = unconfirmed };
    }

    private List<string> InScriptOrder(HashSet<string> ids) =>
        script.Questions.Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToList();

    private static string? Known(string? code) => code is null or Choice.UnknownCode ? null : code;
}

/// <summary>The contract ids of the profile questions the catalog's eligibility refers to (docs/diagnosis.md).</summary>
public static class SegmentIds
{
    public const string Employees = "employees";
    public const string Industry = "industry";
    public const string Prefecture = "prefecture";
    public const string ItDependence = "it_dependence";
    public const string ItPlan = "it_plan";
}

/// <summary>The company's segment and region; null = not known (then only unrestricted / national measures fit).</summary>
internal sealed record Segment(string? Employees, string? Industry, string? Prefecture);
