using Mamori.Core.Domain;
using Mamori.Core.Measures;

namespace Mamori.Core.Classification;

/// <summary>
/// Picks 3–6 measures for the primary barrier (docs/classifier-rules.md, "How measures are chosen"):
/// eligible for the company's size, industry and prefecture, never past validUntil, close to its maturity step,
/// spread over support types, the company's own prefecture first (always one local entry where the catalog has one),
/// its own trade's duties and guidelines next, and security to bundle with a planned IT purchase.
/// With nothing blocked, what comes next: measures that begin at the company's step before ones it has outgrown.
/// </summary>
internal sealed class RecommendationSelector(ClassifierRules rules, MeasureCatalog catalog, DateOnly today, Segment segment, int step)
{
    /// <param name="itPlan">The it_plan answer when the company plans IT (bundling applies), else null.</param>
    public IReadOnlyList<Recommendation> Select(Stage? primary, IReadOnlyList<Stage> blocked, string? itPlan)
    {
        var admitted = catalog.Measures
            .Where(m => !m.IsExpired(today) && m.Eligibility.Admits(segment.Employees, segment.Industry, segment.Prefecture))
            .ToList();
        // A prefecture's own entry replaces the national one it stands in for (its own よろず支援拠点 for the national list).
        var replaced = admitted.Where(m => m.InsteadOf is not null).Select(m => m.InsteadOf).ToHashSet(StringComparer.Ordinal);
        var eligibleAnyStep = admitted.Where(m => !replaced.Contains(m.Id)).ToList();
        var eligible = eligibleAnyStep.Where(m => StepDistance(m) <= rules.MaxStepDistance).ToList();
        // With nothing blocked the company is ready for its own step's measures only, not the ones before it.
        var usable = primary is null ? eligible.Where(m => StepDistance(m) == 0).ToList() : eligible;

        var picked = new List<(Measure Measure, Stage Barrier, bool Bundle)>();
        bool Taken(Measure m) => picked.Any(p => p.Measure.Id == m.Id);
        int Kinds() => picked.Select(p => p.Measure.SupportType).Distinct().Count();

        // With nothing blocked, aim at the current step and prefer measures for the last stage (the measures themselves).
        var target = primary ?? Stage.Measures;

        if (itPlan is not null)
        {
            // Preferred kinds first (rules.yaml itBundlePreference), one per kind, so two bundled measures do different jobs.
            var preference = rules.ItBundlePreference.GetValueOrDefault(itPlan) ?? [];
            int Preferred(Measure m) => preference.Contains(m.SupportType) ? preference.ToList().IndexOf(m.SupportType) : 99;
            var bundles = eligible.Where(m => m.ItBundle)
                .OrderBy(Preferred).ThenBy(m => Rank(m, target))
                .DistinctBy(m => m.SupportType)
                .Take(rules.MaxItBundle);
            foreach (var m in bundles)
                picked.Add((m, BarrierFor(m, target, blocked), true));
        }

        var forTarget = usable.Where(m => primary is null || m.Barriers.Contains(target)).ToList();
        RoundRobin(forTarget, target, rules.MaxRecommendations);

        // Too few, or one kind of support only: the barrier matters more than the step, so widen to any step,
        // nearest first (a step-4 company blocked at motivation still needs help with motivation).
        if (primary is not null && (picked.Count < rules.MinRecommendations || Kinds() < 2))
        {
            var wider = eligibleAnyStep.Where(m => m.Barriers.Contains(target) && !Taken(m))
                .OrderBy(m => picked.Any(p => p.Measure.SupportType == m.SupportType) ? 1 : 0)
                .ThenBy(m => Rank(m, target));
            foreach (var m in wider)
            {
                if (picked.Count >= rules.MaxRecommendations || (picked.Count >= rules.MinRecommendations && Kinds() >= 2))
                    break;
                picked.Add((m, target, false));
            }
        }

        // Still too few: top up with the next blocked stages, in path order.
        foreach (var stage in blocked.Where(s => s != primary))
        {
            if (picked.Count >= rules.MinRecommendations)
                break;
            RoundRobin(usable.Where(m => m.Barriers.Contains(stage)).ToList(), stage, rules.MinRecommendations);
        }

        // Local help always has a place: an owner should first hear who nearby can help.
        if (!picked.Any(p => p.Measure.IsLocal)
            && eligible.Where(m => m.IsLocal).OrderBy(m => Rank(m, target)).FirstOrDefault() is { } local)
        {
            if (picked.Count >= rules.MaxRecommendations)
                picked.Remove(picked.Where(p => !p.Bundle).OrderBy(p => p.Barrier == target ? 0 : 1).ThenBy(p => Rank(p.Measure, p.Barrier)).Last());
            picked.Add((local, BarrierFor(local, target, blocked), false));
        }

        return picked
            .OrderBy(p => p.Measure.IsLocal ? 0 : 1)
            .ThenBy(p => p.Barrier == target ? 0 : 1)
            .ThenBy(p => Rank(p.Measure, p.Barrier))
            .Select(p => new Recommendation(p.Measure.Id, p.Barrier, p.Measure.SupportType, p.Measure.Name, p.Measure.Url,
                p.Measure.NextStep, p.Bundle, p.Measure.IsLocal))
            .ToList();

        // Local programmes first (they are rarer and closer to the owner), then those of the company's own trade, then the best
        // step fit; with nothing blocked, then the ones that begin at this step (what comes next, not what it has done);
        // then measures whose main purpose is this barrier, then a fixed order of support types; ties keep the catalog's order
        // (by id, ordinal), since OrderBy is stable.
        (int, int, int, int, int, int) Rank(Measure m, Stage barrier)
        {
            var focus = IndexOf(m.Barriers, barrier);
            var ownTrade = segment.Industry is { } industry && (m.EspeciallyFor.Contains(industry) || m.Eligibility.Industries.Contains(industry));
            var outgrown = primary is null ? Math.Max(0, step - m.Steps.Min()) : 0;
            return (m.IsLocal ? 0 : 1, ownTrade ? 0 : 1, StepDistance(m), outgrown, focus < 0 ? 99 : focus, (int)m.SupportType);
        }

        // One of each support type per round, so the list spans knowledge, money, people and tools where the catalog allows.
        void RoundRobin(List<Measure> candidates, Stage barrier, int upTo)
        {
            var queues = Enum.GetValues<SupportType>()
                .Select(t => new Queue<Measure>(candidates.Where(m => m.SupportType == t && !Taken(m)).OrderBy(m => Rank(m, barrier))))
                .ToList();
            while (picked.Count < upTo && queues.Any(q => q.Count > 0))
            {
                foreach (var queue in queues.Where(q => q.Count > 0))
                {
                    if (picked.Count >= upTo)
                        break;
                    var m = queue.Dequeue();
                    if (!Taken(m))
                        picked.Add((m, m.Barriers.Contains(barrier) ? barrier : m.Barriers[0], false));
                }
            }
        }
    }

    private static Stage BarrierFor(Measure m, Stage target, IReadOnlyList<Stage> blocked) =>
        m.Barriers.Contains(target) ? target : m.Barriers.FirstOrDefault(blocked.Contains, m.Barriers[0]);

    private static int IndexOf(IReadOnlyList<Stage> stages, Stage stage)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] == stage)
                return i;
        }
        return -1;
    }

    private int StepDistance(Measure m) => m.Steps.Min(s => Math.Abs(s - step));
}
