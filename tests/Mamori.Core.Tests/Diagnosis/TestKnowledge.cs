using Mamori.Core;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;

namespace Mamori.Core.Tests.Diagnosis;

/// <summary>The real knowledge/ folder of the repository, loaded once for all tests.</summary>
internal static class TestKnowledge
{
    private static readonly Lazy<KnowledgeFolder> LazyFolder = new(() => KnowledgeFolder.Locate(AppContext.BaseDirectory));
    private static readonly Lazy<DiagnosisScript> LazyScript = new(() => DiagnosisScriptLoader.Load(Folder));
    private static readonly Lazy<BarrierClassifier> LazyClassifier = new(() => new BarrierClassifier(Script, ClassifierRules.Load(Folder, Script)));

    public static KnowledgeFolder Folder => LazyFolder.Value;

    public static DiagnosisScript Script => LazyScript.Value;

    public static BarrierClassifier Classifier => LazyClassifier.Value;

    /// <summary>This test project's Specs/ folder in the source tree (read in place: no copy step in the shared .csproj).</summary>
    public static string Specs => Path.Combine(Path.GetDirectoryName(Folder.Root)!, "tests", "Mamori.Core.Tests", "Specs");
}
