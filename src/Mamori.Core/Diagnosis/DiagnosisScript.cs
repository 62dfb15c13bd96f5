namespace Mamori.Core.Diagnosis;

/// <summary>
/// The whole diagnosis as data: the questions in order, with the conditions that skip the pointless ones.
/// Built once (<see cref="DiagnosisScriptLoader"/>) and shared; every method is pure.
/// </summary>
public sealed class DiagnosisScript
{
    private readonly Dictionary<string, Question> _byId;

    internal DiagnosisScript(IReadOnlyList<Question> questions, Choice unknown, string intro, string outro)
    {
        Questions = questions;
        Unknown = unknown;
        Intro = intro;
        Outro = outro;
        _byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>All questions in the order they are asked.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>The 「わからない」 answer every question accepts.</summary>
    public Choice Unknown { get; }

    /// <summary>Said once before the first question (how long it takes, that 「わからない」 is fine, that 「戻る」 works).</summary>
    public string Intro { get; }

    /// <summary>Said after the last answer, before the report.</summary>
    public string Outro { get; }

    public Question Get(string id) =>
        _byId.TryGetValue(id, out var q) ? q : throw new KeyNotFoundException($"Unknown diagnosis question id '{id}'.");

    public bool TryGet(string id, out Question question) => _byId.TryGetValue(id, out question!);

    /// <summary>False when earlier answers make the question pointless (e.g. the helper's skills when there is no helper).</summary>
    public bool IsAsked(Question question, AnswerSet answers) =>
        question.SkipReason(new Conditions.ConditionContext(answers.CodeOf)) is null;

    /// <summary>The first question still to ask, or null when the diagnosis is complete.</summary>
    public Question? NextQuestion(AnswerSet answers) =>
        Questions.FirstOrDefault(q => !answers.Contains(q.Id) && IsAsked(q, answers));

    /// <summary>For 戻る: the last answered question before <paramref name="currentId"/> (before the end when null).</summary>
    public Question? Previous(AnswerSet answers, string? currentId)
    {
        var end = currentId is null ? Questions.Count : Questions.ToList().FindIndex(q => q.Id == currentId);
        for (var i = end - 1; i >= 0; i--)
        {
            if (answers.Contains(Questions[i].Id) && IsAsked(Questions[i], answers))
                return Questions[i];
        }
        return null;
    }

    /// <summary>How many of the questions that apply have been answered (「8問目から再開します」).</summary>
    public int Answered(AnswerSet answers) => Questions.Count(q => answers.Contains(q.Id) && IsAsked(q, answers));

    /// <summary>
    /// The questions not answered yet that may still be asked, the next one included: those the answers so far already
    /// leave out are not counted, those that depend on answers still to come are. Answering can only lower it (by one at
    /// least), so the total of 「【8/20】」 never goes up; only 「戻る」 raises it again.
    /// </summary>
    public int Remaining(AnswerSet answers)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        var context = new Conditions.ConditionContext(answers.CodeOf, isOpen: open.Contains);
        // Conditions only look back, so each question's rules see the earlier questions already sorted into open or not.
        foreach (var q in Questions)
        {
            if (!answers.Contains(q.Id) && q.MayBeAsked(context))
                open.Add(q.Id);
        }
        return open.Count;
    }

    public bool IsComplete(AnswerSet answers) => NextQuestion(answers) is null;

    /// <summary>
    /// The codes the classifier reads: every question that applies, in order; one left unanswered counts as "unknown",
    /// one skipped by its conditions is absent. Answers to questions that do not apply are dropped.
    /// </summary>
    public IReadOnlyDictionary<string, string> EffectiveCodes(AnswerSet answers) => Sort(answers).Codes;

    /// <summary>
    /// The questions these answers leave out, in order, each with its rule's reason (for the report's 「省略した質問と理由」).
    /// Judged like <see cref="EffectiveCodes"/>: on the answers of the questions that apply.
    /// </summary>
    public IReadOnlyList<SkippedQuestion> Skipped(AnswerSet answers) => Sort(answers).Skipped;

    private (Dictionary<string, string> Codes, List<SkippedQuestion> Skipped) Sort(AnswerSet answers)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<SkippedQuestion>();
        var context = new Conditions.ConditionContext(id => codes.GetValueOrDefault(id));
        foreach (var q in Questions)
        {
            if (q.SkipReason(context) is { } reason)
                skipped.Add(new SkippedQuestion(q.Id, q.Topic, reason));
            else
                codes[q.Id] = answers.CodeOf(q.Id) ?? Unknown.Code;
        }
        return (codes, skipped);
    }

    /// <summary>Questions that apply but have no answer (counted as 「わからない」 by the classifier).</summary>
    public IReadOnlyList<string> Unanswered(AnswerSet answers)
    {
        var effective = EffectiveCodes(answers);
        return Questions.Where(q => effective.ContainsKey(q.Id) && !answers.Contains(q.Id)).Select(q => q.Id).ToList();
    }

    /// <summary>Question id → every code it accepts (incl. "unknown"): used to validate rules and the measure catalog.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> KnownCodes() =>
        Questions.ToDictionary(q => q.Id, q => (IReadOnlySet<string>)q.Codes.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
