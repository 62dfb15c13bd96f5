using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using YamlDotNet.Core;

namespace Mamori.Core.Reports;

/// <summary>The report's Japanese wording, from knowledge/diagnosis/report.yaml. Every key is checked when loaded.</summary>
public sealed class ReportTexts
{
    public const string FileName = "report.yaml";

    private readonly Dictionary<string, string> _texts;

    private ReportTexts(Dictionary<Stage, (string Name, string Meaning, string Why)> stages, Dictionary<int, (string Name, string Advice)> steps,
        Dictionary<SupportType, string> supportTypes, Dictionary<string, string> texts)
    {
        Stages = stages;
        Steps = steps;
        SupportTypes = supportTypes;
        _texts = texts;
    }

    public IReadOnlyDictionary<Stage, (string Name, string Meaning, string Why)> Stages { get; }

    public IReadOnlyDictionary<int, (string Name, string Advice)> Steps { get; }

    public IReadOnlyDictionary<SupportType, string> SupportTypes { get; }

    public string StageName(Stage stage) => Stages[stage].Name;

    /// <summary>A text by key with {placeholders} filled, e.g. <c>Format("step", ("step", "1"), ("name", "まず始める"))</c>.</summary>
    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = _texts[key];
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    public string this[string key] => _texts[key];

    internal static readonly string[] RequiredKeys =
    [
        "title", "primaryBarrier", "primaryMeaning", "noBarrier", "whyHeading", "yourAnswer", "unansweredAnswer", "otherBarriers",
        "step", "worrying", "itPlan", "nextHeading", "nextStep", "condition", "cost", "bundleMark", "localMark", "noRecommendations",
        "cardBarrierHeading", "chartTitle", "chartBlocked", "chartClear", "chartPrimary",
        "chartAltBlocked", "chartAltNone", "headline", "headlineNone", "separator",
        "reportTitle", "noBarrierTitle", "primaryQuoted", "primaryUnconfirmed", "undetermined", "undeterminedTitle", "headlineUndetermined", "findOut", "findOutMore",
        "thisWeekHeading", "moreHeading", "worryingShort", "latest", "latestHere", "yourAnswerUnknown",
        "localHeading", "localSummary", "localNothingFoundTitle", "localNothingFound",
    ];

    public static ReportTexts Load(ContentRoot content) => Load(Path.Combine(content.Diagnosis, FileName));

    public static ReportTexts Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Report wording not found: {path}", path);
        ReportYaml yaml;
        try
        {
            yaml = DiagnosisScriptLoader.Yaml.Deserialize<ReportYaml>(File.ReadAllText(path)) ?? new();
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }

        var stages = new Dictionary<Stage, (string, string, string)>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var s = yaml.Stages?.GetValueOrDefault(stage.Code());
            if (string.IsNullOrWhiteSpace(s?.Name) || string.IsNullOrWhiteSpace(s.Meaning) || string.IsNullOrWhiteSpace(s.Why))
                throw new FormatException($"{path}: stages.{stage.Code()} needs name, meaning and why.");
            stages[stage] = (s.Name, s.Meaning, s.Why);
        }
        var steps = new Dictionary<int, (string, string)>();
        for (var step = 1; step <= 4; step++)
        {
            var s = yaml.Steps?.GetValueOrDefault(step);
            if (string.IsNullOrWhiteSpace(s?.Name) || string.IsNullOrWhiteSpace(s.Advice))
                throw new FormatException($"{path}: steps.{step} needs name and advice.");
            steps[step] = (s.Name, s.Advice);
        }
        var types = new Dictionary<SupportType, string>();
        foreach (var type in Enum.GetValues<SupportType>())
        {
            types[type] = yaml.SupportTypes?.GetValueOrDefault(type.Code()) is { Length: > 0 } name
                ? name : throw new FormatException($"{path}: supportTypes.{type.Code()} is missing.");
        }
        var texts = yaml.Texts ?? [];
        foreach (var key in RequiredKeys.Where(k => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(k))))
            throw new FormatException($"{path}: texts.{key} is missing.");
        return new ReportTexts(stages, steps, types, texts.ToDictionary(kv => kv.Key, kv => kv.Value.Trim(), StringComparer.Ordinal));
    }

    private sealed class ReportYaml
    {
        public Dictionary<string, StageYaml>? Stages { get; set; }
        public Dictionary<int, StepYaml>? Steps { get; set; }
        public Dictionary<string, string>? SupportTypes { get; set; }
        public Dictionary<string, string>? Texts { get; set; }
    }

    private sealed class StageYaml
    {
        public string? Name { get; set; }
        public string? Meaning { get; set; }
        public string? Why { get; set; }
    }

    private sealed class StepYaml
    {
        public string? Name { get; set; }
        public string? Advice { get; set; }
    }
}
