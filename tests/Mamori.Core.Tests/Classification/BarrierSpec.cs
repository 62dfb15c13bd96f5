using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;
using Mamori.Core.Tests.Diagnosis;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Tests.Classification;

/// <summary>One row of Specs/barriers.yaml.</summary>
public sealed class BarrierSpec
{
    public string Name { get; set; } = "";
    public string? Catalog { get; set; }
    public string? Today { get; set; }
    public Dictionary<string, string?> Answers { get; set; } = [];
    public Expectation Expect { get; set; } = new();

    public override string ToString() => Name;

    public sealed class Expectation
    {
        public string? PrimaryBarrier { get; set; }
        public int? MaturityStep { get; set; }
        public List<string>? Blocked { get; set; }
        public Dictionary<string, List<string>>? Evidence { get; set; }
        public bool? WorryingPattern { get; set; }
        public bool? ItPlan { get; set; }
        public List<string>? Includes { get; set; }
        public List<string>? Excludes { get; set; }
        public string? First { get; set; }
        public List<string>? Bundled { get; set; }
        public bool NoBundle { get; set; }
        public List<string>? Unanswered { get; set; }
        public bool? Undetermined { get; set; }
        public List<string>? Unconfirmed { get; set; }
    }
}

internal static class BarrierSpecs
{
    private sealed class SpecFile
    {
        public string Today { get; set; } = "";
        public Dictionary<string, string> Defaults { get; set; } = [];
        public List<BarrierSpec> Cases { get; set; } = [];
    }

    private static readonly Lazy<SpecFile> File = new(() => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
        .Deserialize<SpecFile>(System.IO.File.ReadAllText(Path.Combine(TestKnowledge.Specs, "barriers.yaml"))));

    public static readonly Lazy<MeasureCatalog> TestCatalog =
        new(() => MeasureCatalogLoader.Load(Path.Combine(TestKnowledge.Specs, "catalog"), TestKnowledge.Script));

    public static readonly Lazy<MeasureCatalog> RealCatalog =
        new(() => MeasureCatalogLoader.Load(TestKnowledge.Folder, TestKnowledge.Script));

    public static IReadOnlyList<BarrierSpec> All => File.Value.Cases;

    public static DateOnly Today(BarrierSpec spec) => DateOnly.Parse(spec.Today ?? File.Value.Today, System.Globalization.CultureInfo.InvariantCulture);

    public static MeasureCatalog CatalogFor(BarrierSpec spec) => spec.Catalog == "real" ? RealCatalog.Value : TestCatalog.Value;

    /// <summary>The defaults with the case's changes; a null value removes the answer.</summary>
    public static AnswerSet AnswersFor(BarrierSpec spec)
    {
        var answers = AnswerSet.Empty;
        foreach (var (id, code) in File.Value.Defaults)
            answers = answers.With(id, code);
        foreach (var (id, code) in spec.Answers)
            answers = code is null ? answers.Without(id) : answers.With(id, code);
        return answers;
    }
}
