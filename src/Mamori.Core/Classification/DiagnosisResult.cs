using Mamori.Core.Domain;
using Mamori.Core.Measures;

namespace Mamori.Core.Classification;

/// <summary>
/// What the classifier concluded (contract of design.md, serialised by <see cref="DiagnosisResultJson"/>).
/// </summary>
/// <param name="PrimaryBarrier">The earliest blocked stage; null when no stage is blocked.</param>
/// <param name="MaturityStep">1–4 (domain.md §5): the step the company is working on now.</param>
/// <param name="Barriers">All five stages in path order, blocked or clear, with evidence.</param>
/// <param name="WorryingPattern">High dependence on IT with security still at step 1–2 (懸念するパターン).</param>
/// <param name="ItPlan">The company plans an IT purchase or an IT subsidy, so security to bundle with it was considered.</param>
/// <param name="Unanswered">Questions that applied but had no answer; each was counted as 「わからない」.</param>
/// <remarks>
/// When <see cref="Undetermined"/> is set, too many answers were 「わからない」 to name a barrier: <see cref="PrimaryBarrier"/>
/// is null, the findings still say which rules held, and the recommendations are the ones for finding out (rules.yaml).
/// </remarks>
public sealed record DiagnosisResult(
    Stage? PrimaryBarrier,
    int MaturityStep,
    IReadOnlyList<StageFinding> Barriers,
    IReadOnlyList<Recommendation> Recommendations,
    bool WorryingPattern,
    bool ItPlan,
    IReadOnlyList<string> Unanswered)
{
    public IEnumerable<Stage> BlockedStages => Barriers.Where(b => b.Blocked).Select(b => b.Stage);

    /// <summary>Too many answers were 「わからない」 to judge (rules.yaml <c>undetermined</c>).</summary>
    public bool Undetermined { get; init; }

    /// <summary>The one thing to do this week, from the owner's own weakest answers (this-week.yaml); null only without any recommendation.</summary>
    public ThisWeekAction? ThisWeek { get; init; }

    /// <summary>Who nearby can help (local-help.yaml), named for the company's prefecture; null only without that file.</summary>
    public LocalHelp? LocalHelp { get; init; }
}

/// <param name="MeasureId">The catalog measure that helps with it (its link is shown beside the action).</param>
/// <param name="Action">What to do, in the owner's words: one or two sentences.</param>
public sealed record ThisWeekAction(string MeasureId, string Action);

/// <param name="Evidence">Question ids whose answers show the stage blocked (or, for a clear stage, the answers that were checked).</param>
/// <param name="Reasons">For a blocked stage: why, in Japanese, one line per rule that matched (from rules.yaml).</param>
public sealed record StageFinding(Stage Stage, bool Blocked, IReadOnlyList<string> Evidence, IReadOnlyList<string> Reasons)
{
    /// <summary>Blocked only because of 「わからない」 answers: the report marks it 「確認が必要」.</summary>
    public bool Unconfirmed { get; init; }
}

/// <param name="Barrier">The stage this measure is recommended for.</param>
/// <param name="ItBundle">Recommended because the company plans an IT purchase or IT subsidy.</param>
/// <param name="Local">A programme of the company's own prefecture (listed before national ones).</param>
public sealed record Recommendation(
    string MeasureId,
    Stage Barrier,
    SupportType SupportType,
    string Title,
    string Url,
    string NextStep,
    bool ItBundle,
    bool Local);
