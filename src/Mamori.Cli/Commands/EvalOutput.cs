using Mamori.Cli.Evaluation;

namespace Mamori.Cli.Commands;

/// <summary>How `mamori eval` prints its reports: a side-by-side table and per-question failures, or one JSON object.</summary>
internal static class EvalOutput
{
    public static object ToJson(EvalSet set, IReadOnlyList<EvalReport> reports, IReadOnlyList<EvalReport> variants, IReadOnlyList<string> unknownDocs) => new
    {
        set = new { files = set.Files.Select(Path.GetFileName), questions = set.Questions.Count, inScope = set.InScope.Count(), outOfScope = set.OutOfScope.Count() },
        systems = reports.Select(r => Summary(r, withFailures: true)),
        variants = variants.Select(r => Summary(r, withFailures: false)),
        unknownRelevantDocs = unknownDocs,
    };

    private static object Summary(EvalReport r, bool withFailures) => new
    {
        system = r.System,
        recallAt5 = Math.Round(r.RecallAt5, 4),
        mrrAt10 = Math.Round(r.MrrAt10, 4),
        correctRefusalRate = r.CorrectRefusalRate is { } c ? Math.Round(c, 4) : (double?)null,
        falseRefusalRate = r.FalseRefusalRate is { } f ? Math.Round(f, 4) : (double?)null,
        inScope = r.InScopeCount,
        outOfScope = r.OutOfScopeCount,
        failures = withFailures ? r.Failures.Select(Failure) : null,
    };

    private static object Failure(QuestionResult f) => new
    {
        id = f.Question.Id,
        question = f.Question.Question,
        relevant = f.Question.Relevant,
        rank = f.Rank,
        refused = f.Refused,
        gate = f.Answer.GateReason,
        top = f.Answer.RankedDocIds.Take(5),
    };

    public static void WriteText(TextWriter o, EvalSet set, IReadOnlyList<EvalReport> reports, IReadOnlyList<EvalReport> variants, IReadOnlyList<string> unknownDocs)
    {
        o.WriteLine($"{set.Questions.Count} questions ({set.InScope.Count()} in scope, {set.OutOfScope.Count()} out of scope) from {set.Files.Count} file(s)");
        WriteTable(o, reports);
        if (variants.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Lexical variants (embedded store):");
            WriteTable(o, variants);
        }
        foreach (var report in reports)
        {
            o.WriteLine();
            o.WriteLine($"Failures: {report.System}");
            foreach (var f in report.Failures)
            {
                string expected = f.InScope ? string.Join(",", f.Question.Relevant) : "(refuse)";
                string what = f.InScope ? (f.Refused ? $"refused [{f.Answer.GateReason}]" : $"rank {f.Rank?.ToString() ?? "-"}") : $"answered [{f.Answer.GateReason}]";
                o.WriteLine($"  {f.Question.Id} {what}: {f.Question.Question} → want {expected}; top {string.Join(",", f.Answer.RankedDocIds.Take(3))}");
            }
        }
        if (unknownDocs.Count > 0)
            o.WriteLine($"\nRelevant ids with no document: {string.Join(", ", unknownDocs)}");
    }

    private static void WriteTable(TextWriter o, IReadOnlyList<EvalReport> reports)
    {
        o.WriteLine($"{"system",-48} {"R@5",6} {"MRR@10",7} {"refuse",7} {"falseRef",8}");
        foreach (var r in reports)
            o.WriteLine($"{r.System,-48} {r.RecallAt5,6:0.000} {r.MrrAt10,7:0.000} {Rate(r.CorrectRefusalRate),7} {Rate(r.FalseRefusalRate),8}");
    }

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.000") : "n/a";

    public static void WriteCalibration(TextWriter o, EvalReport report)
    {
        o.WriteLine("Gate features (strength, coverage) per question:");
        foreach (var r in report.Results.OrderBy(r => r.InScope).ThenBy(r => r.Answer.Verdict?.Coverage))
        {
            var v = r.Answer.Verdict;
            if (v is not null)
                o.WriteLine($"  {(r.InScope ? "in " : "OUT")} {r.Question.Id} s={v.Strength:0.00} c={v.Coverage:0.00} h={v.HeadingCoverage:0.00} topic={v.ScopeWord ?? (v.OnTopic ? "-" : "none")}{(v.UnknownName is { } u ? $" unknown={u.Part}" : "")} rank={r.Rank} {r.Question.Question}");
        }
        o.WriteLine("Gate frontier (minCoverage, minStrength, minOffTopicCoverage → correct refusal, false refusal):");
        foreach (var p in GateCalibration.Frontier(GateCalibration.Sweep(report)))
            o.WriteLine($"  c≥{p.MinCoverage:0.000} s≥{p.MinStrength:0.00} offTopic c≥{p.MinOffTopicCoverage:0.00} → refuse {p.CorrectRefusal:0.000}, false {p.FalseRefusal:0.000}");
    }
}
