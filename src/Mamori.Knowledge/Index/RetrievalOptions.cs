using Mamori.Knowledge.Analysis;

namespace Mamori.Knowledge.Index;

/// <summary>Settings of the ranking pipeline (configuration section `Knowledge:Retrieval`). Defaults work with nothing configured.</summary>
public sealed record RetrievalOptions
{
    public const string Section = "Knowledge:Retrieval";

    /// <summary>Passages returned per question.</summary>
    public int Limit { get; init; } = 5;

    public FusionOptions Fusion { get; init; } = FusionOptions.Default;

    public QueryAnalyzerOptions Query { get; init; } = QueryAnalyzerOptions.Default;

    public EvidenceGateOptions Gate { get; init; } = EvidenceGateOptions.Default;

    public static RetrievalOptions Default { get; } = new();
}

/// <summary>
/// When the best passage is too weak to answer from. Calibrated on knowledge/eval (see `mamori eval`): out-of-scope
/// questions share few informative terms with any passage, in-scope ones share most of theirs with the right one.
/// </summary>
public sealed record EvidenceGateOptions
{
    /// <summary>Minimum idf-weighted share of the question's informative terms found in the best passage (0–1).</summary>
    public double MinCoverage { get; init; } = 0.35;

    /// <summary>Minimum BM25 of the best passage divided by Σ idf of the question's terms (score if every term occurred once).</summary>
    public double MinStrength { get; init; } = 0.3;

    /// <summary>How many top passages the gate looks at for the best evidence.</summary>
    public int Depth { get; init; } = 3;

    public static EvidenceGateOptions Default { get; } = new();
}
