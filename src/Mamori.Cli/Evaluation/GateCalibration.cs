using Mamori.Knowledge.Index;

namespace Mamori.Cli.Evaluation;

/// <summary>
/// Sweeps the evidence gate's thresholds over an eval run and reports, for each combination, the share of out-of-scope
/// questions refused and of in-scope questions wrongly refused. Used to pick <see cref="EvidenceGateOptions"/> defaults.
/// Swept: minimum coverage, minimum strength and the minimum coverage of questions naming no security topic or concern;
/// the heading threshold stays as shipped and unknown programme names are always refused, as in the gate.
/// </summary>
public static class GateCalibration
{
    public sealed record Point(double MinCoverage, double MinStrength, double CorrectRefusal, double FalseRefusal, double MinOffTopicCoverage = 0);

    public static IReadOnlyList<Point> Sweep(EvalReport report, EvidenceGateOptions? shipped = null)
    {
        double minHeading = (shipped ?? EvidenceGateOptions.Default).MinHeadingCoverage;
        var inScope = report.Results.Where(r => r.InScope && r.Answer.Verdict is not null).Select(r => r.Answer.Verdict!).ToList();
        var outOfScope = report.Results.Where(r => !r.InScope && r.Answer.Verdict is not null).Select(r => r.Answer.Verdict!).ToList();
        if (inScope.Count == 0 || outOfScope.Count == 0)
            return [];
        var points = new List<Point>();
        for (double c = 0; c <= 0.9; c += 0.025)
        {
            for (double s = 0; s <= 1.5; s += 0.05)
            {
                for (double t = 0; t <= 0.9; t += 0.05)
                {
                    bool Refuses(EvidenceVerdict v) => v.UnknownName is not null || v.Coverage < c || v.Strength < s
                        || v.HeadingCoverage < minHeading || (!v.OnTopic && v.Coverage < t);
                    points.Add(new Point(Math.Round(c, 3), Math.Round(s, 2),
                        outOfScope.Count(Refuses) / (double)outOfScope.Count,
                        inScope.Count(Refuses) / (double)inScope.Count,
                        Math.Round(t, 2)));
                }
            }
        }
        return points;
    }

    /// <summary>The best trade-offs: for each false-refusal level, the highest correct-refusal rate reachable (lowest thresholds on ties).</summary>
    public static IReadOnlyList<Point> Frontier(IReadOnlyList<Point> points) =>
        [.. points.GroupBy(p => p.FalseRefusal)
            .Select(g => g.OrderByDescending(p => p.CorrectRefusal).ThenBy(p => p.MinCoverage + p.MinStrength + p.MinOffTopicCoverage).First())
            .OrderBy(p => p.FalseRefusal)
            .Aggregate(new List<Point>(), (frontier, p) =>
            {
                if (frontier.Count == 0 || p.CorrectRefusal > frontier[^1].CorrectRefusal)
                    frontier.Add(p);
                return frontier;
            })];
}
