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

    /// <summary>
    /// True or false when the answers so far decide it whatever the open questions (<see cref="ConditionContext.IsOpen"/>)
    /// will be answered; null while it still depends on one of them. Used to count the questions that may still come.
    /// </summary>
    public abstract bool? Settle(ConditionContext context);
}

/// <summary>The answer codes a condition sees (null = not asked), and, for classifier rules, the maturity step.</summary>
/// <param name="isOpen">Questions not answered yet that may still be asked (for <see cref="Condition.Settle"/>); none by default.</param>
internal sealed class ConditionContext(Func<string, string?> codeOf, int? maturityStep = null, Func<string, bool>? isOpen = null)
{
    public string? CodeOf(string questionId) => codeOf(questionId);

    public int? MaturityStep { get; } = maturityStep;

    public bool IsOpen(string questionId) => isOpen?.Invoke(questionId) ?? false;
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

    public override bool? Settle(ConditionContext context) =>
        context.IsOpen(questionId) ? null : Evaluate(context);
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

    public override bool? Settle(ConditionContext context)
    {
        var hits = questionIds.Count(id => !context.IsOpen(id) && context.CodeOf(id) is { } code && codes.Contains(code));
        if (hits >= atLeast)
            return true;
        return hits + questionIds.Count(context.IsOpen) < atLeast ? false : null;
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

    public override bool? Settle(ConditionContext context)
    {
        var settled = parts.Select(p => p.Settle(context)).ToList();
        return settled.Contains(false) ? false : settled.Contains(null) ? null : true;
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

    public override bool? Settle(ConditionContext context)
    {
        var settled = parts.Select(p => p.Settle(context)).ToList();
        return settled.Contains(true) ? true : settled.Contains(null) ? null : false;
    }
}

internal sealed class MaturityStepCondition(IReadOnlySet<int> steps) : Condition
{
    public override IEnumerable<string> QuestionIds => [];

    public override bool Evaluate(ConditionContext context, ISet<string> evidence) =>
        context.MaturityStep is { } step && steps.Contains(step);

    public override bool? Settle(ConditionContext context) =>
        context.MaturityStep is { } step ? steps.Contains(step) : null;
}
