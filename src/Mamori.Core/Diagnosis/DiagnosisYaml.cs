using Mamori.Core.Diagnosis.Conditions;

namespace Mamori.Core.Diagnosis;

// The YAML shapes of knowledge/diagnosis/questions.yaml and prefectures.yaml (see docs/diagnosis.md).
internal sealed class DiagnosisFileYaml
{
    public string? Intro { get; set; }
    public string? Outro { get; set; }
    public ChoiceYaml? Unknown { get; set; }
    public Dictionary<string, List<ChoiceYaml>>? ChoiceSets { get; set; }
    public Dictionary<string, ChoiceGroupingYaml>? ChoiceGroups { get; set; }
    public List<QuestionYaml>? Questions { get; set; }
}

internal sealed class QuestionYaml
{
    public string? Id { get; set; }
    public string? Topic { get; set; }
    public string? Section { get; set; }
    public string? Kind { get; set; }
    public string? Prompt { get; set; }
    public string? Help { get; set; }
    public string? Retry { get; set; }
    public string? ChoiceSet { get; set; }
    public List<ChoiceYaml>? Choices { get; set; }

    /// <summary>Extra synonyms per code on top of a shared choice set (e.g. 「入れてる」 for the antivirus question).</summary>
    public Dictionary<string, List<string>>? Synonyms { get; set; }

    /// <summary>Rules that leave the question out, each with its <c>because</c> for the report.</summary>
    public List<ConditionYaml>? SkipWhen { get; set; }

    /// <summary>The question is asked only when this holds; its <c>because</c> says why it was left out otherwise.</summary>
    public ConditionYaml? AskWhen { get; set; }

    /// <summary>A set of choiceGroups (prefectures.yaml) offered as buttons before the choices themselves.</summary>
    public string? Groups { get; set; }

    /// <summary>What a plain yes / no / partly / hedged yes means for this question (see <see cref="Polarity"/>).</summary>
    public PolarityYaml? Polarity { get; set; }

    /// <summary>Files of knowledge/diagnosis/vocabulary/ whose words are added to the choices (trades, municipalities…).</summary>
    public List<string>? Vocabulary { get; set; }

    /// <summary>Words that point at a choice without answering the question: asked back (see <see cref="AnswerHint"/>).</summary>
    public List<HintYaml>? Hints { get; set; }

    /// <summary>Synonyms that, said alone, are asked back (see <see cref="Question.UnsureWords"/>).</summary>
    public List<string>? Unsure { get; set; }

    /// <summary>Synonyms that say the very thing asked (see <see cref="Question.DecisiveWords"/>).</summary>
    public List<string>? Decisive { get; set; }

    /// <summary>Words that mark the clause that answers among several (see <see cref="Question.PrincipalWords"/>).</summary>
    public List<string>? Principal { get; set; }

    /// <summary>Words that mark a clause about something beside the question (see <see cref="Question.AsideWords"/>).</summary>
    public List<string>? Asides { get; set; }

    /// <summary>The choices are places (see <see cref="Question.Places"/>).</summary>
    public bool Places { get; set; }

    /// <summary>Synonyms that count only as the whole reply (see <see cref="Question.WholeOnlyWords"/>).</summary>
    public List<string>? WholeOnly { get; set; }

    /// <summary>The choices are estimates (see <see cref="Question.Estimates"/>).</summary>
    public bool Estimates { get; set; }
}

internal sealed class HintYaml
{
    public string? Code { get; set; }
    public List<string>? Words { get; set; }
    public string? Note { get; set; }
}

internal sealed class PolarityYaml
{
    public string? Affirmed { get; set; }
    public string? Denied { get; set; }
    public string? Mixed { get; set; }
    public string? Hedged { get; set; }
    /// <summary>true (a yes read by polarity and a reading across a contrast), contrast, or nothing.</summary>
    public string? AskBack { get; set; }
    public bool AskNoBeside { get; set; }
}

internal sealed class ChoiceYaml
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public List<string>? Synonyms { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public bool Dominant { get; set; }
    public List<string>? Combines { get; set; }
}

internal sealed class ChoiceGroupingYaml
{
    public string? Prompt { get; set; }
    public string? Back { get; set; }
    public List<ChoiceGroupYaml>? Groups { get; set; }
}

internal sealed class ChoiceGroupYaml
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public List<string>? Synonyms { get; set; }
    public List<string>? Choices { get; set; }
}
