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
/// When the best passage is too weak to answer from. Calibrated with `mamori eval --calibrate` on knowledge/eval
/// (169 questions, 2026-11-29): out-of-scope questions share few topic words with any passage, and almost never one
/// with a passage's title or heading. Chosen below the frontier's knee so that false refusals stay near 1%.
/// </summary>
public sealed record EvidenceGateOptions
{
    /// <summary>Minimum idf-weighted share of the question's informative terms found in the best passage (0–1).</summary>
    public double MinCoverage { get; init; } = 0.25;

    /// <summary>Minimum BM25 of the best passage divided by Σ idf of the question's terms (score if every term occurred once).</summary>
    public double MinStrength { get; init; } = 0.05;

    /// <summary>Minimum idf-weighted share of the question's topic words found in the best passage's title or section heading.</summary>
    public double MinHeadingCoverage { get; init; } = 0.02;

    /// <summary>How many top passages the gate looks at for the best evidence.</summary>
    public int Depth { get; init; } = 3;

    public static EvidenceGateOptions Default { get; } = new();
}
