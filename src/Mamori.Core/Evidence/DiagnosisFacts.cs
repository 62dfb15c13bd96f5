using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;

namespace Mamori.Core.Evidence;

/// <summary>
/// What a completed diagnosis tells a support organisation, and nothing that names the company: choice codes of the
/// profile, the classifier's findings and the measures recommended. No free text is ever copied in.
/// </summary>
public sealed record DiagnosisFacts(
    Segment Segment,
    IReadOnlyList<string> BlockedStages,
    string PrimaryBarrier,
    int Step,
    bool WorryingPattern,
    IReadOnlyList<RecommendedMeasure> Recommended)
{
    /// <summary>The primary barrier when no stage is blocked, and when too many 「わからない」 left it open.</summary>
    public const string NoBarrier = "none";
    public const string Undetermined = "undetermined";

    public static DiagnosisFacts From(DiagnosisResult result, AnswerSet answers) => new(
        Segment.From(answers),
        [.. result.BlockedStages.Select(s => s.Code())],
        result.Undetermined ? Undetermined : result.PrimaryBarrier?.Code() ?? NoBarrier,
        result.MaturityStep,
        result.WorryingPattern,
        [.. result.Recommendations.Select(r => new RecommendedMeasure(r.MeasureId, r.Barrier.Code(), r.SupportType.Code()))]);
}

/// <param name="Size">The employee band code (「6-20」), never the typed number.</param>
public sealed record Segment(string Industry, string Size, string Prefecture, string ItDependence, string DataHeld, string SupplyChain)
{
    /// <summary>The profile question ids, which are also the dashboard's segment names.</summary>
    public static readonly IReadOnlyList<string> Questions = ["industry", "employees", "prefecture", "it_dependence", "data_held", "supply_chain"];

    public static Segment From(AnswerSet answers)
    {
        string Code(string question) => answers.Get(question)?.Code ?? "unknown";
        return new Segment(Code("industry"), Code("employees"), Code("prefecture"), Code("it_dependence"), Code("data_held"), Code("supply_chain"));
    }
}

public sealed record RecommendedMeasure(string MeasureId, string Barrier, string SupportType);
