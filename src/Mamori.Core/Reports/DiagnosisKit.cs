using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;
using Mamori.Core.Understanding;

namespace Mamori.Core.Reports;

/// <summary>Everything the diagnosis needs, loaded once from knowledge/: script, reading rules, classifier, catalog and report.</summary>
public sealed record DiagnosisKit(DiagnosisScript Script, ReadingRules Reading, BarrierClassifier Classifier, MeasureCatalog Catalog, ReportComposer Report)
{
    public static DiagnosisKit Load(KnowledgeFolder knowledge)
    {
        var script = DiagnosisScriptLoader.Load(knowledge);
        var classifier = new BarrierClassifier(script, ClassifierRules.Load(knowledge, script));
        var catalog = MeasureCatalogLoader.Load(knowledge, script);
        return new DiagnosisKit(script, ReadingRules.Load(knowledge.Diagnosis), classifier, catalog, ReportComposer.Load(knowledge, script, catalog));
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
