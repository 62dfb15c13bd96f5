using Mamori.Core;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Tests.Dialogs;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Diagnosis;

/// <summary>The real content root of the repository (its knowledge/), loaded once for all tests.</summary>
internal static class TestKnowledge
{
    private static readonly Lazy<ContentRoot> LazyFolder = new(() => ContentRoot.Locate(startDirectory: AppContext.BaseDirectory));
    private static readonly Lazy<DiagnosisScript> LazyScript = new(() => DiagnosisScriptLoader.Load(Folder));
    private static readonly Lazy<BarrierClassifier> LazyClassifier = new(() => new BarrierClassifier(Script, ClassifierRules.Load(Folder, Script)));

    private static readonly Lazy<DiagnosisKit> LazyKit = new(() => DiagnosisKit.Load(Folder));
    private static readonly Lazy<ReplyReader> LazyReader = new(() => Kit.Reader(TestBot.Language.Questions));

    public static ContentRoot Folder => LazyFolder.Value;

    public static DiagnosisKit Kit => LazyKit.Value;

    /// <summary>The reader the chat uses, with the real reading rules and the real question detector.</summary>
    public static ReplyReader Reader => LazyReader.Value;

    public static DiagnosisScript Script => LazyScript.Value;

    public static BarrierClassifier Classifier => LazyClassifier.Value;

    /// <summary>This test project's Specs/ folder in the source tree (read in place: no copy step in the shared .csproj).</summary>
    public static string Specs => Path.Combine(Folder.Root, "tests", "Mamori.Core.Tests", "Specs");

    /// <summary>A copy of knowledge/diagnosis in a new temporary folder, to load with one file changed.</summary>
    public static string CopyOfDiagnosisFolder(string prefix)
    {
        var to = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var file in Directory.EnumerateFiles(Folder.Diagnosis, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(Folder.Diagnosis, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }
}
