using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;
using Mamori.Core.Reports;
using Mamori.Core.Understanding;

namespace Mamori.Core;

/// <summary>
/// Everything the diagnosis needs, loaded once from the content root's knowledge/: script, reading rules, classifier,
/// catalog and report. It sits at the Core root, beside <see cref="ContentRoot"/>, because it composes Diagnosis/,
/// Understanding/, Classification/, Measures/ and Reports/: all of them depend on Diagnosis/, so in Diagnosis/ it would
/// close a loop between folders, and in Reports/ it made the report depend on the reading of replies. At the root it
/// depends on those folders and none of them on it (Dialogs/ and the edges use it).
/// </summary>
public sealed record DiagnosisKit(DiagnosisScript Script, ReadingRules Reading, BarrierClassifier Classifier, MeasureCatalog Catalog, ReportComposer Report)
{
    public static DiagnosisKit Load(ContentRoot content)
    {
        var script = DiagnosisScriptLoader.Load(content);
        var classifier = new BarrierClassifier(script, ClassifierRules.Load(content, script));
        var catalog = MeasureCatalogLoader.Load(content, script);
        // The result links these measures by id: a renamed or removed entry must fail at start, not in an owner's result.
        foreach (var id in classifier.Rules.ThisWeek.MeasureIds.Concat(classifier.Rules.UndeterminedRecommend).Where(id => catalog.Find(id) is null))
            throw new FormatException($"{content.Diagnosis}: measure '{id}' (in {ThisWeekRules.FileName} or {ClassifierRules.FileName} undetermined) is not in the catalog.");
        return new DiagnosisKit(script, ReadingRules.Load(content.Diagnosis), classifier, catalog, ReportComposer.Load(content, script, catalog));
    }

    /// <summary>The reader of typed replies to this script; <paramref name="questions"/> tells an owner's question from an answer.</summary>
    public ReplyReader Reader(QuestionDetector questions) => new(Script, Reading, questions);

    public DiagnosisResult Classify(AnswerSet answers, DateOnly today) => Classifier.Classify(answers, Catalog, today);

    /// <summary>
    /// Things an operator should fix but that do not stop the bot: no Japanese font (the picture is SVG only), and catalog
    /// entries not reviewed for a year. For start-up logs and stderr.
    /// </summary>
    public IReadOnlyList<string> Warnings(DateOnly today)
    {
        var warnings = new List<string>();
        if (!Report.CanDrawPng)
            warnings.Add(CjkFont.MissingMessage);
        foreach (var m in Catalog.Stale(today))
            warnings.Add($"{m.SourceFile}: measure '{m.Id}' was last reviewed on {m.Reviewed:yyyy-MM-dd}, more than a year ago: please check its facts.");
        return warnings;
    }
}
