using Mamori.Cli.Evaluation;

namespace Mamori.Cli.Commands;

/// <summary>How `mamori eval` prints its reports: a side-by-side table and per-question failures, or one JSON object.</summary>
internal static class EvalOutput
{
    public static object ToJson(EvalSet set, IReadOnlyList<EvalReport> reports, IReadOnlyList<EvalReport> variants, IReadOnlyList<string> unknownDocs) => new
    {
        set = new { files = set.Files.Select(Path.GetFileName), questions = set.Questions.Count, inScope = set.InScope.Count(), outOfScope = set.OutOfScope.Count() },
        systems = reports.Select(r => Summary(r, withFailures: true)),
        mrrAt10OverBaseline = reports.Count > 1 ? Math.Round(reports[0].MrrAt10 - reports[^1].MrrAt10, 4) : (double?)null,
        variants = variants.Select(r => Summary(r, withFailures: false)),
        unknownRelevantDocs = unknownDocs,
    };

    private static object Summary(EvalReport r, bool withFailures) => new
    {
        system = r.System,
        recallAt5 = Math.Round(r.RecallAt5, 4),
        mrrAt10 = Math.Round(r.MrrAt10, 4),
        correctRefusalRate = Round(r.CorrectRefusalRate),
        falseRefusalRate = Round(r.FalseRefusalRate),
        inScope = r.InScopeCount,
        outOfScope = r.OutOfScopeCount,
        answers = r.Answers ? new
        {
            inScopeAnswered = r.Count(q => q.InScope && q.Outcome == AnswerOutcome.Answered),
            inScopeAnsweredFromOtherDocuments = r.Count(q => q.AnsweredWrong),
            inScopeRefused = r.Count(q => q.InScope && q.Outcome == AnswerOutcome.Refused),
            inScopeSuggestedWithRightDocument = r.Count(q => q.InScope && q.SuggestedRight),
            inScopeSuggestedWithoutRightDocument = r.Count(q => q.InScope && q.Outcome == AnswerOutcome.Suggested && !q.SuggestedRight),
            suggestedWithRightDocumentRate = Round(r.SuggestedRightRate),
            outOfScopeRefused = r.Count(q => !q.InScope && q.Outcome == AnswerOutcome.Refused),
            outOfScopeSuggested = r.Count(q => !q.InScope && q.Outcome == AnswerOutcome.Suggested),
            outOfScopeAnswered = r.Count(q => !q.InScope && q.Outcome == AnswerOutcome.Answered),
            keyTermMisses = r.KeyTermMisses.Select(q => new { id = q.Question.Id, question = q.Question.Question, keyTerms = q.Answer.Reply!.KeyTerms, passages = q.Answer.Reply.PassagesWithoutKeyTerms }),
        } : null,
        failures = withFailures ? r.Failures.Select(Failure) : null,
    };

    private static double? Round(double? rate) => rate is { } r ? Math.Round(r, 4) : null;

    private static object Failure(QuestionResult f) => new
    {
        id = f.Question.Id,
        question = f.Question.Question,
        relevant = f.Question.Relevant,
        rank = f.Rank,
        refused = f.Refused,
        outcome = f.Outcome?.ToString().ToLowerInvariant(),
        cited = f.Answer.Reply?.CitedDocIds,
        suggested = f.Answer.Reply?.SuggestedDocIds,
        gate = f.Answer.GateReason,
        top = f.Answer.RankedDocIds.Take(5),
    };

    public static void WriteText(TextWriter o, EvalSet set, IReadOnlyList<EvalReport> reports, IReadOnlyList<EvalReport> variants, IReadOnlyList<string> unknownDocs)
    {
        o.WriteLine($"{set.Questions.Count} questions ({set.InScope.Count()} in scope, {set.OutOfScope.Count()} out of scope) from {set.Files.Count} file(s)");
        WriteTable(o, reports);
        if (reports.Count > 1)
            o.WriteLine($"MRR@10 over the baseline: {reports[0].MrrAt10 - reports[^1].MrrAt10:+0.000;-0.000}");
        foreach (var r in reports.Where(r => r.Answers))
        {
            o.WriteLine($"What the bot did ({r.System}):");
            o.WriteLine($"  in scope ({r.InScopeCount}): answered {r.Count(q => q.InScope && q.Outcome == AnswerOutcome.Answered)}" +
                $" (from other documents {r.Count(q => q.AnsweredWrong)}), topics offered with the right document {r.Count(q => q.InScope && q.SuggestedRight)}" +
                $", topics without it {r.Count(q => q.InScope && q.Outcome == AnswerOutcome.Suggested && !q.SuggestedRight)}, refused {r.Count(q => q.InScope && q.Outcome == AnswerOutcome.Refused)}");
            o.WriteLine($"  out of scope ({r.OutOfScopeCount}): refused {r.Count(q => !q.InScope && q.Outcome == AnswerOutcome.Refused)}" +
                $", topics offered {r.Count(q => !q.InScope && q.Outcome == AnswerOutcome.Suggested)}, answered {r.Count(q => !q.InScope && q.Outcome == AnswerOutcome.Answered)}");
            var misses = r.KeyTermMisses.ToList();
            o.WriteLine($"  answers quoting passages without the question's key terms: {misses.Count}");
            foreach (var m in misses)
                o.WriteLine($"    {m.Question.Id}: {m.Question.Question} (key terms {string.Join(" ", m.Answer.Reply!.KeyTerms)}; passages {string.Join(", ", m.Answer.Reply.PassagesWithoutKeyTerms)})");
        }
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
                o.WriteLine($"  {f.Question.Id} {What(f)}: {f.Question.Question} → want {(f.InScope ? string.Join(",", f.Question.Relevant) : "(refuse)")}; top {string.Join(",", f.Answer.RankedDocIds.Take(3))}");
        }
        if (unknownDocs.Count > 0)
            o.WriteLine($"\nRelevant ids with no document: {string.Join(", ", unknownDocs)}");
    }

    private static string What(QuestionResult f)
    {
        var reply = f.Answer.Reply;
        return f.Outcome switch
        {
            AnswerOutcome.Suggested => $"topics {string.Join(",", reply!.SuggestedDocIds)} [{f.Answer.GateReason}]",
            AnswerOutcome.Refused => $"refused [{f.Answer.GateReason}]",
            AnswerOutcome.Answered when f.KeyTermMiss => $"answered without key terms from {string.Join(",", reply!.CitedDocIds)}",
            AnswerOutcome.Answered when f.AnsweredWrong => $"answered from {string.Join(",", reply!.CitedDocIds)} (key terms {string.Join(" ", reply.KeyTerms)})",
            AnswerOutcome.Answered when !f.InScope => $"answered from {string.Join(",", reply!.CitedDocIds)} [{f.Answer.GateReason}]",
            AnswerOutcome.Answered => $"rank {f.Rank?.ToString() ?? "-"}",
            _ => f.InScope ? (f.Refused ? $"refused [{f.Answer.GateReason}]" : $"rank {f.Rank?.ToString() ?? "-"}") : $"answered [{f.Answer.GateReason}]",
        };
    }

    private static void WriteTable(TextWriter o, IReadOnlyList<EvalReport> reports)
    {
        o.WriteLine($"{"system",-48} {"R@5",6} {"MRR@10",7} {"refuse",7} {"falseRef",8} {"topics+",7} {"keyMiss",7}");
        foreach (var r in reports)
            o.WriteLine($"{r.System,-48} {r.RecallAt5,6:0.000} {r.MrrAt10,7:0.000} {Rate(r.CorrectRefusalRate),7} {Rate(r.FalseRefusalRate),8} " +
                $"{Rate(r.SuggestedRightRate),7} {(r.Answers ? r.KeyTermMisses.Count().ToString() : "n/a"),7}");
        o.WriteLine("  refuse: out-of-scope questions refused (topics offered = not refused); falseRef: in-scope questions refused or offered");
        o.WriteLine("  topics without the right document; topics+: in-scope questions offered topics including the right document.");
    }

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.000") : "n/a";

    public static void WriteCalibration(TextWriter o, EvalReport report)
    {
        o.WriteLine("Gate features (strength, coverage) per question:");
        foreach (var r in report.Results.OrderBy(r => r.InScope).ThenBy(r => r.Answer.Verdict?.Coverage))
        {
            var v = r.Answer.Verdict;
            if (v is not null)
                o.WriteLine($"  {(r.InScope ? "in " : "OUT")} {r.Question.Id} s={v.Strength:0.00} c={v.Coverage:0.00} h={v.HeadingCoverage:0.00} topic={v.ScopeWord ?? (v.OnTopic ? "-" : "none")}{(v.UnknownName is { } u ? $" unknown={u.Part}" : "")}{(v.Close ? " close" : "")} {r.Outcome?.ToString().ToLowerInvariant()} rank={r.Rank} {r.Question.Question}");
        }
        o.WriteLine("Gate frontier (minCoverage, minStrength, minOffTopicCoverage → correct refusal, false refusal):");
        foreach (var p in GateCalibration.Frontier(GateCalibration.Sweep(report)))
            o.WriteLine($"  c≥{p.MinCoverage:0.000} s≥{p.MinStrength:0.00} offTopic c≥{p.MinOffTopicCoverage:0.00} → refuse {p.CorrectRefusal:0.000}, false {p.FalseRefusal:0.000}");
    }
}
