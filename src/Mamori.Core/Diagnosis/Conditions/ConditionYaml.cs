namespace Mamori.Core.Diagnosis.Conditions;

/// <summary>
/// The YAML shape of a condition. Exactly one form per entry:
/// <c>answer</c> + <c>in</c>/<c>notIn</c>; <c>countOf</c> + <c>in</c> + <c>atLeast</c>; <c>all</c>; <c>any</c>; <c>maturityStep</c>.
/// </summary>
internal sealed class ConditionYaml
{
    public string? Answer { get; set; }
    public List<string>? In { get; set; }
    public List<string>? NotIn { get; set; }
    public List<string>? CountOf { get; set; }
    public int? AtLeast { get; set; }
    public List<ConditionYaml>? All { get; set; }
    public List<ConditionYaml>? Any { get; set; }
    public List<int>? MaturityStep { get; set; }

    /// <summary>Why this blocks (classifier rules) or why the question is left out (skip rules), in Japanese, for the report.</summary>
    public string? Because { get; set; }

    /// <param name="where">Names the file and entry for error messages.</param>
    /// <param name="knownCodes">Question id → its valid answer codes (incl. unknown), to catch typos in the rules.</param>
    public Condition Compile(string where, IReadOnlyDictionary<string, IReadOnlySet<string>> knownCodes)
    {
        var forms = new[] { Answer is not null, CountOf is not null, All is not null, Any is not null, MaturityStep is not null }.Count(f => f);
        if (forms != 1)
            throw new FormatException($"{where}: a condition needs exactly one of answer, countOf, all, any, maturityStep.");

        if (Answer is not null)
        {
            if ((In is null) == (NotIn is null))
                throw new FormatException($"{where}: condition on '{Answer}' needs exactly one of in / notIn.");
            var codes = CheckCodes(where, Answer, In ?? NotIn!, knownCodes);
            return new AnswerInCondition(Answer, codes, negate: NotIn is not null);
        }
        if (CountOf is not null)
        {
            if (In is null || AtLeast is not { } atLeast || atLeast < 1)
                throw new FormatException($"{where}: countOf needs in: [...] and atLeast: (1 or more).");
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in CountOf)
                codes.UnionWith(CheckCodes(where, id, In, knownCodes));
            return new CountCondition(CountOf, codes, atLeast);
        }
        if (All is not null)
            return new AllCondition(All.Select((c, i) => c.Compile($"{where} all[{i}]", knownCodes)).ToList());
        if (Any is not null)
            return new AnyCondition(Any.Select((c, i) => c.Compile($"{where} any[{i}]", knownCodes)).ToList());
        return new MaturityStepCondition(MaturityStep!.ToHashSet());
    }

    private static HashSet<string> CheckCodes(string where, string questionId, List<string> codes,
        IReadOnlyDictionary<string, IReadOnlySet<string>> knownCodes)
    {
        if (!knownCodes.TryGetValue(questionId, out var valid))
            throw new FormatException($"{where}: unknown question id '{questionId}'.");
        foreach (var code in codes)
        {
            if (!valid.Contains(code))
                throw new FormatException($"{where}: '{code}' is not an answer code of question '{questionId}' " +
                                          $"(valid: {string.Join(", ", valid.Order(StringComparer.Ordinal))}).");
        }
        return codes.ToHashSet(StringComparer.Ordinal);
    }
}
