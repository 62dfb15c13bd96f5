using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;

namespace Mamori.Core.Reports;

/// <summary>Everything the diagnosis needs, loaded once from knowledge/: script, classifier, catalog and report.</summary>
public sealed record DiagnosisKit(DiagnosisScript Script, BarrierClassifier Classifier, MeasureCatalog Catalog, ReportComposer Report)
{
    public static DiagnosisKit Load(KnowledgeFolder knowledge)
    {
        var script = DiagnosisScriptLoader.Load(knowledge);
        var classifier = new BarrierClassifier(script, ClassifierRules.Load(knowledge, script));
        var catalog = MeasureCatalogLoader.Load(knowledge, script);
        return new DiagnosisKit(script, classifier, catalog, ReportComposer.Load(knowledge, script, catalog));
    }

    public DiagnosisResult Classify(AnswerSet answers, DateOnly today) => Classifier.Classify(answers, Catalog, today);
}
