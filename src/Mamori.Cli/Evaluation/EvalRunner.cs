using Mamori.Knowledge.Index;

namespace Mamori.Cli.Evaluation;

/// <summary>What one system returned for one question: its ranked document ids (one per passage) and, if it has a gate, whether it would answer.</summary>
/// <param name="Verdict">The evidence gate's verdict when the system has one (null for the Lucene baseline).</param>
public sealed record SystemAnswer(IReadOnlyList<string> RankedDocIds, EvidenceVerdict? Verdict = null)
{
    public bool? Answerable => Verdict?.Answerable;

    public string? GateReason => Verdict?.Reason;
}

/// <summary>Runs the gold questions through a system and scores it: recall@5, MRR@10, refusal rates, failures.</summary>
public static class EvalRunner
{
    public const int RecallDepth = 5;
    public const int MrrDepth = 10;

    public static async Task<EvalReport> RunAsync(string system, EvalSet set, Func<string, CancellationToken, Task<SystemAnswer>> ask, CancellationToken cancellationToken)
    {
        var results = new List<QuestionResult>();
        foreach (var question in set.Questions)
        {
            var answer = await ask(question.Question, cancellationToken);
            int? rank = question.Relevant.Count == 0 ? null : RetrievalMetrics.FirstRelevantRank(answer.RankedDocIds, [.. question.Relevant]);
            results.Add(new QuestionResult(question, answer, rank));
        }
        return EvalReport.From(system, results);
    }
}

public sealed record QuestionResult(EvalQuestion Question, SystemAnswer Answer, int? Rank)
{
    public bool InScope => Question.Relevant.Count > 0;

    public bool Refused => Answer.Answerable == false;

    /// <summary>In scope: relevant passage not in the top 5, or refused. Out of scope: answered.</summary>
    public bool Failed => InScope ? Rank is null or > EvalRunner.RecallDepth || Refused : Answer.Answerable == true;
}

public sealed record EvalReport(
    string System,
    int InScopeCount,
    int OutOfScopeCount,
    double RecallAt5,
    double MrrAt10,
    double? CorrectRefusalRate,
    double? FalseRefusalRate,
    IReadOnlyList<QuestionResult> Results)
{
    public IEnumerable<QuestionResult> Failures => Results.Where(r => r.Failed);

    public static EvalReport From(string system, IReadOnlyList<QuestionResult> results)
    {
        var inScope = results.Where(r => r.InScope).ToList();
        var outOfScope = results.Where(r => !r.InScope).ToList();
        bool gated = results.Any(r => r.Answer.Answerable is not null);
        return new EvalReport(
            system,
            inScope.Count,
            outOfScope.Count,
            inScope.Count == 0 ? 0 : inScope.Average(r => RetrievalMetrics.RecallAt(r.Rank, EvalRunner.RecallDepth)),
            inScope.Count == 0 ? 0 : inScope.Average(r => RetrievalMetrics.ReciprocalRankAt(r.Rank, EvalRunner.MrrDepth)),
            gated && outOfScope.Count > 0 ? outOfScope.Average(r => r.Refused ? 1.0 : 0) : null,
            gated && inScope.Count > 0 ? inScope.Average(r => r.Refused ? 1.0 : 0) : null,
            results);
    }
}
