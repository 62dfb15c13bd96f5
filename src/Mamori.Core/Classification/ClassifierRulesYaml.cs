using Mamori.Core.Diagnosis.Conditions;

namespace Mamori.Core.Classification;

// The YAML shape of knowledge/diagnosis/rules.yaml (explained for non-programmers in docs/classifier-rules.md).
internal sealed class ClassifierRulesYaml
{
    public Dictionary<string, StageRulesYaml>? Stages { get; set; }
    public List<StepRuleYaml>? MaturitySteps { get; set; }
    public ConditionYaml? WorryingPattern { get; set; }
    public ConditionYaml? ItPlan { get; set; }
    public Dictionary<string, List<string>>? ItBundlePreference { get; set; }
    public RecommendationRulesYaml? Recommendations { get; set; }
    public UndeterminedYaml? Undetermined { get; set; }
}

internal sealed class UndeterminedYaml
{
    public int UnconfirmedStages { get; set; }
    public List<string>? Recommend { get; set; }
}

internal sealed class StageRulesYaml
{
    public List<ConditionYaml>? BlockedWhen { get; set; }
}

internal sealed class StepRuleYaml
{
    public int Step { get; set; }
    public ConditionYaml? When { get; set; }
}

internal sealed class RecommendationRulesYaml
{
    public int Min { get; set; } = 3;
    public int Max { get; set; } = 6;
    public int MaxItBundle { get; set; } = 2;
    public int MaxStepDistance { get; set; } = 1;
}
