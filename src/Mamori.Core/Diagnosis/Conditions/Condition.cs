namespace Mamori.Core.Diagnosis.Conditions;

/// <summary>
/// A test on answers, written in YAML by non-programmers (see docs/classifier-rules.md) and used both to skip
/// questions and to decide blocked stages. A question that was not asked (skipped) never satisfies a condition.
/// </summary>
internal abstract class Condition
{
    /// <summary>True when the condition holds; adds the ids of the questions whose answers made it hold to <paramref name="evidence"/>.</summary>
    public abstract bool Evaluate(ConditionContext context, ISet<string> evidence);

    /// <summary>Every question id this condition looks at (to validate the YAML and to list evidence for clear stages).</summary>
    public abstract IEnumerable<string> QuestionIds { get; }

    public bool Evaluate(ConditionContext context) => Evaluate(context, new HashSet<string>(StringComparer.Ordinal));
}

/// <summary>The answer codes a condition sees (null = not asked), and, for classifier rules, the maturity step.</summary>
internal sealed class ConditionContext(Func<string, string?> codeOf, int? maturityStep = null)
{
    public string? CodeOf(string questionId) => codeOf(questionId);

    public int? MaturityStep { get; } = maturityStep;
}

internal sealed class AnswerInCondition(string questionId, IReadOnlySet<string> codes, bool negate) : Condition
{
    public override IEnumerable<string> QuestionIds => [questionId];

    public string QuestionId => questionId;

    public IReadOnlySet<string> Codes => codes;

    public override bool Evaluate(ConditionContext context, ISet<string> evidence)
    {
        if (context.CodeOf(questionId) is not { } code)
            return false;
        var holds = codes.Contains(code) != negate;
        if (holds)
            evidence.Add(questionId);
        return holds;
    }
}

internal sealed class CountCondition(IReadOnlyList<string> questionIds, IReadOnlySet<string> codes, int atLeast) : Condition
{
    public override IEnumerable<string> QuestionIds => questionIds;

    public override bool Evaluate(ConditionContext context, ISet<string> evidence)
    {
        var hits = questionIds.Where(id => context.CodeOf(id) is { } code && codes.Contains(code)).ToList();
        if (hits.Count < atLeast)
            return false;
        foreach (var id in hits)
            evidence.Add(id);
        return true;
    }
}

internal sealed class AllCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override IEnumerable<string> QuestionIds => parts.SelectMany(p => p.QuestionIds);

    public override bool Evaluate(ConditionContext context, ISet<string> evidence)
    {
        var local = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (!part.Evaluate(context, local))
                return false;
        }
        evidence.UnionWith(local);
        return true;
    }
}

internal sealed class AnyCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override IEnumerable<string> QuestionIds => parts.SelectMany(p => p.QuestionIds);

    public override bool Evaluate(ConditionContext context, ISet<string> evidence)
    {
        var any = false;
        foreach (var part in parts)
            any |= part.Evaluate(context, evidence);   // no short-circuit: every reason that holds is evidence
        return any;
    }
}

internal sealed class MaturityStepCondition(IReadOnlySet<int> steps) : Condition
{
    public override IEnumerable<string> QuestionIds => [];

    public override bool Evaluate(ConditionContext context, ISet<string> evidence) =>
        context.MaturityStep is { } step && steps.Contains(step);
}
