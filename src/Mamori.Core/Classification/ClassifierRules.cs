using Mamori.Core.Diagnosis;
using Mamori.Core.Diagnosis.Conditions;
using Mamori.Core.Domain;
using YamlDotNet.Core;

namespace Mamori.Core.Classification;

/// <summary>The compiled rules of knowledge/diagnosis/rules.yaml: checked against the question ids and codes when loaded.</summary>
public sealed class ClassifierRules
{
    public const string FileName = "rules.yaml";

    internal ClassifierRules(
        IReadOnlyDictionary<Stage, IReadOnlyList<(Condition Rule, string Because)>> blockedWhen,
        IReadOnlyList<(int Step, Condition? When)> steps,
        Condition worryingPattern,
        Condition itPlan,
        IReadOnlyDictionary<string, IReadOnlyList<SupportType>> itBundlePreference,
        RecommendationRulesYaml recommendations,
        int undeterminedAt,
        IReadOnlyList<string> undeterminedRecommend,
        ThisWeekRules thisWeek)
    {
        UndeterminedAt = undeterminedAt;
        UndeterminedRecommend = undeterminedRecommend;
        ThisWeek = thisWeek;
        BlockedWhen = blockedWhen;
        Steps = steps;
        WorryingPattern = worryingPattern;
        ItPlan = itPlan;
        ItBundlePreference = itBundlePreference;
        MinRecommendations = recommendations.Min;
        MaxRecommendations = recommendations.Max;
        MaxItBundle = recommendations.MaxItBundle;
        MaxStepDistance = recommendations.MaxStepDistance;
    }

    internal IReadOnlyDictionary<Stage, IReadOnlyList<(Condition Rule, string Because)>> BlockedWhen { get; }
    internal IReadOnlyList<(int Step, Condition? When)> Steps { get; }
    internal Condition WorryingPattern { get; }
    internal Condition ItPlan { get; }

    /// <summary>Too many 「わからない」 to name a barrier: at least this many stages are blocked only by them.</summary>
    public int UndeterminedAt { get; }

    /// <summary>Measure ids recommended instead when the result is undetermined (the self-check, people to ask).</summary>
    public IReadOnlyList<string> UndeterminedRecommend { get; }

    /// <summary>The one thing for this week (this-week.yaml, beside rules.yaml).</summary>
    public ThisWeekRules ThisWeek { get; }

    /// <summary>it_plan code → support types of bundled measures, most wanted first.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<SupportType>> ItBundlePreference { get; }
    public int MinRecommendations { get; }
    public int MaxRecommendations { get; }
    public int MaxItBundle { get; }
    public int MaxStepDistance { get; }

    public static ClassifierRules Load(ContentRoot content, DiagnosisScript script) =>
        Load(Path.Combine(content.Diagnosis, FileName), script);

    public static ClassifierRules Load(string path, DiagnosisScript script)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Classifier rules not found: {path}", path);
        ClassifierRulesYaml yaml;
        try
        {
            yaml = DiagnosisScriptLoader.Yaml.Deserialize<ClassifierRulesYaml>(File.ReadAllText(path)) ?? new();
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
        var known = script.KnownCodes();

        var blocked = new Dictionary<Stage, IReadOnlyList<(Condition, string)>>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var where = $"{path}: stages.{stage.Code()}";
            if (yaml.Stages?.GetValueOrDefault(stage.Code())?.BlockedWhen is not { Count: > 0 } rules)
                throw new FormatException($"{where}: blockedWhen is missing (every stage needs at least one rule).");
            blocked[stage] = rules.Select((r, i) => (
                r.Compile($"{where}.blockedWhen[{i}]", known),
                string.IsNullOrWhiteSpace(r.Because) ? throw new FormatException($"{where}.blockedWhen[{i}]: because is missing.") : r.Because.Trim()))
                .ToList();
        }
        foreach (var name in (yaml.Stages ?? []).Keys.Where(k => !DomainCodes.TryParseStage(k, out _)))
            throw new FormatException($"{path}: stages.{name}: not a stage code.");

        var steps = (yaml.MaturitySteps ?? []).Select((s, i) => (s.Step, s.When?.Compile($"{path}: maturitySteps[{i}]", known))).ToList();
        if (steps.Count == 0 || steps[^1].Item2 is not null || steps.Any(s => s.Step is < 1 or > 4))
            throw new FormatException($"{path}: maturitySteps must list steps 1-4, the last one without 'when' (the default).");

        var worrying = yaml.WorryingPattern?.Compile($"{path}: worryingPattern", known)
            ?? throw new FormatException($"{path}: worryingPattern is missing.");
        var itPlan = yaml.ItPlan?.Compile($"{path}: itPlan", known) ?? throw new FormatException($"{path}: itPlan is missing.");
        var preference = new Dictionary<string, IReadOnlyList<SupportType>>(StringComparer.Ordinal);
        foreach (var (code, types) in yaml.ItBundlePreference ?? [])
        {
            if (!known[SegmentIds.ItPlan].Contains(code))
                throw new FormatException($"{path}: itBundlePreference.{code}: not an answer code of it_plan.");
            preference[code] = types.Select(t => DomainCodes.TryParseSupportType(t, out var type) ? type
                : throw new FormatException($"{path}: itBundlePreference.{code}: '{t}' is not a support type.")).ToList();
        }
        var recommendations = yaml.Recommendations ?? new RecommendationRulesYaml();
        if (recommendations.Min < 1 || recommendations.Max < recommendations.Min || recommendations.MaxItBundle > recommendations.Max)
            throw new FormatException($"{path}: recommendations: need 1 <= min <= max and maxItBundle <= max.");
        if (yaml.Undetermined?.UnconfirmedStages is not (>= 1 and <= 4))
            throw new FormatException($"{path}: undetermined.unconfirmedStages must be 1-4 (how many of the four stages before the measures blocked only by わからない are too unsure to judge).");
        if (yaml.Undetermined.Recommend is not { Count: > 0 } instead)
            throw new FormatException($"{path}: undetermined.recommend is missing (which measures help to find out).");
        var thisWeek = ThisWeekRules.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, ThisWeekRules.FileName), script);
        return new ClassifierRules(blocked, steps, worrying, itPlan, preference, recommendations, yaml.Undetermined.UnconfirmedStages, instead, thisWeek);
    }
}
