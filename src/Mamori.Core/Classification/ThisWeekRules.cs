using Mamori.Core.Diagnosis;
using Mamori.Core.Diagnosis.Conditions;
using YamlDotNet.Core;

namespace Mamori.Core.Classification;

/// <summary>
/// The compiled knowledge/diagnosis/this-week.yaml: which one action the result leads with, picked from the owner's own
/// weakest answers. The first entry whose condition holds wins, so the file's order is the priority.
/// </summary>
public sealed class ThisWeekRules
{
    public const string FileName = "this-week.yaml";

    private readonly IReadOnlyList<(Condition When, ThisWeekAction Action)> _entries;

    private ThisWeekRules(IReadOnlyList<(Condition, ThisWeekAction)> entries) => _entries = entries;

    /// <summary>Every measure id the entries link to, for the kit to check against the catalog.</summary>
    public IEnumerable<string> MeasureIds => _entries.Select(e => e.Action.MeasureId).Distinct(StringComparer.Ordinal);

    /// <summary>The first entry that holds and whose measure the owner may still be sent to (open, and for them).</summary>
    internal ThisWeekAction? Pick(ConditionContext context, Func<string, bool> offerable) =>
        _entries.FirstOrDefault(e => e.When.Evaluate(context) && offerable(e.Action.MeasureId)).Action;

    public static ThisWeekRules Load(string path, DiagnosisScript script)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"This-week actions not found: {path}", path);
        ThisWeekYaml yaml;
        try
        {
            yaml = DiagnosisScriptLoader.Yaml.Deserialize<ThisWeekYaml>(File.ReadAllText(path)) ?? new();
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
        var known = script.KnownCodes();
        var entries = (yaml.Actions ?? []).Select((a, i) =>
        {
            var where = $"{path}: actions[{i}]";
            var when = a.When?.Compile(where, known) ?? throw new FormatException($"{where}: when is missing.");
            if (string.IsNullOrWhiteSpace(a.Measure))
                throw new FormatException($"{where}: measure is missing.");
            if (string.IsNullOrWhiteSpace(a.Action))
                throw new FormatException($"{where}: action is missing.");
            return (when, new ThisWeekAction(a.Measure.Trim(), a.Action.Trim()));
        }).ToList();
        if (entries.Count == 0)
            throw new FormatException($"{path}: actions is empty.");
        return new ThisWeekRules(entries);
    }

    private sealed class ThisWeekYaml
    {
        public List<ThisWeekEntryYaml>? Actions { get; set; }
    }

    private sealed class ThisWeekEntryYaml
    {
        public ConditionYaml? When { get; set; }
        public string? Measure { get; set; }
        public string? Action { get; set; }
    }
}
