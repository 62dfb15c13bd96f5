using Mamori.Knowledge.Index;

namespace Mamori.Cli.Evaluation;

/// <summary>What the bot did with a question in the end: answered it, offered topics to choose from, or refused.</summary>
public enum AnswerOutcome
{
    Answered,
    Suggested,
    Refused,
}

/// <summary>What one system returned for one question: its ranked document ids (one per passage) and, if it has a gate, whether it would answer.</summary>
/// <param name="Verdict">The evidence gate's verdict when the system has one (null for the Lucene baseline).</param>
/// <param name="Reply">What the whole answerer did, when the system answers (null for retrieval-only systems).</param>
public sealed record SystemAnswer(IReadOnlyList<string> RankedDocIds, EvidenceVerdict? Verdict = null, AnswerReply? Reply = null)
{
    /// <summary>Whether the bot answers: from the answerer when there is one, else from the gate.</summary>
    public bool? Answerable => Reply is { } r ? r.Outcome == AnswerOutcome.Answered : Verdict?.Answerable;

    public string? GateReason => Verdict?.Reason;
}

/// <param name="CitedDocIds">Documents the answer cites (empty unless answered).</param>
/// <param name="SuggestedDocIds">Documents offered as topic buttons (empty unless suggested).</param>
/// <param name="KeyTerms">The question's key terms.</param>
/// <param name="PassagesWithoutKeyTerms">Cited passages (chunk ids) holding none of the key terms: should never happen.</param>
public sealed record AnswerReply(AnswerOutcome Outcome, IReadOnlyList<string> CitedDocIds, IReadOnlyList<string> SuggestedDocIds,
    IReadOnlyList<string> KeyTerms, IReadOnlyList<string> PassagesWithoutKeyTerms);

/// <summary>Runs the gold questions through a system and scores it: recall@5, MRR@10, refusals, suggestions, failures.</summary>
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

    /// <summary>The bot did not answer (refused, or offered topics).</summary>
    public bool Refused => Answer.Answerable == false;

    public AnswerOutcome? Outcome => Answer.Reply?.Outcome;

    /// <summary>Refused outright (offering topics is not refusing).</summary>
    public bool RefusedOutright => Outcome is { } o ? o == AnswerOutcome.Refused : Refused;

    /// <summary>Topics were offered and one of them is a relevant document (pressing it answers the question).</summary>
    public bool SuggestedRight => Outcome == AnswerOutcome.Suggested && Answer.Reply!.SuggestedDocIds.Any(Question.Relevant.Contains);

    /// <summary>
    /// In scope and not answered — refused, or offered topics none of which is right. Topics with the right document among
    /// them are not a false refusal (counted apart).
    /// </summary>
    public bool FalselyRefused => InScope && Refused && !SuggestedRight;

    /// <summary>In scope, answered, and no cited document is a relevant one.</summary>
    public bool AnsweredWrong => InScope && Outcome == AnswerOutcome.Answered && !Answer.Reply!.CitedDocIds.Any(Question.Relevant.Contains);

    public bool KeyTermMiss => Answer.Reply is { PassagesWithoutKeyTerms.Count: > 0 };

    /// <summary>
    /// In scope: relevant passage not in the top 5, or falsely refused, or answered from other documents, or quoting
    /// passages without the key terms. Out of scope: not refused (answered, or offered topics).
    /// </summary>
    public bool Failed => InScope
        ? Rank is null or > EvalRunner.RecallDepth || FalselyRefused || AnsweredWrong || KeyTermMiss
        : Answer.Answerable is not null && !RefusedOutright;
}

/// <param name="CorrectRefusalRate">Out-of-scope questions refused (topics offered count as not refused).</param>
/// <param name="FalseRefusalRate">In-scope questions refused, or offered topics without the right document.</param>
/// <param name="SuggestedRightRate">In-scope questions offered topics including the right document (not a false refusal).</param>
public sealed record EvalReport(
    string System,
    int InScopeCount,
    int OutOfScopeCount,
    double RecallAt5,
    double MrrAt10,
    double? CorrectRefusalRate,
    double? FalseRefusalRate,
    IReadOnlyList<QuestionResult> Results,
    double? SuggestedRightRate = null)
{
    public IEnumerable<QuestionResult> Failures => Results.Where(r => r.Failed);

    /// <summary>Whether the system answers (rather than only ranks), so the answer-level counts apply.</summary>
    public bool Answers => Results.Any(r => r.Answer.Reply is not null);

    public int Count(Func<QuestionResult, bool> predicate) => Results.Count(predicate);

    public IEnumerable<QuestionResult> KeyTermMisses => Results.Where(r => r.KeyTermMiss);

    public static EvalReport From(string system, IReadOnlyList<QuestionResult> results)
    {
        var inScope = results.Where(r => r.InScope).ToList();
        var outOfScope = results.Where(r => !r.InScope).ToList();
        bool gated = results.Any(r => r.Answer.Answerable is not null);
        bool answers = results.Any(r => r.Answer.Reply is not null);
        return new EvalReport(
            system,
            inScope.Count,
            outOfScope.Count,
            inScope.Count == 0 ? 0 : inScope.Average(r => RetrievalMetrics.RecallAt(r.Rank, EvalRunner.RecallDepth)),
            inScope.Count == 0 ? 0 : inScope.Average(r => RetrievalMetrics.ReciprocalRankAt(r.Rank, EvalRunner.MrrDepth)),
            gated && outOfScope.Count > 0 ? outOfScope.Average(r => r.RefusedOutright ? 1.0 : 0) : null,
            gated && inScope.Count > 0 ? inScope.Average(r => r.FalselyRefused ? 1.0 : 0) : null,
            results,
            answers && inScope.Count > 0 ? inScope.Average(r => r.SuggestedRight ? 1.0 : 0) : null);
    }
}
