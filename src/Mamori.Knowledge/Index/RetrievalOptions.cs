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

    /// <summary>Problems with the settings, each naming its configuration key; empty when usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (Limit is < 1 or > 100)
            yield return $"{Section}:Limit must be between 1 and 100 (is {Limit}).";
        if (Fusion.K < 0 || Fusion.SparseWeight < 0 || Fusion.DenseWeight < 0)
            yield return $"{Section}:Fusion:K and the weights must not be negative.";
        if (Query.ExpansionWeight is < 0 or > 1)
            yield return $"{Section}:Query:ExpansionWeight must be between 0 and 1 (is {Query.ExpansionWeight}).";
        if (Query.MaxQueryLength < 1)
            yield return $"{Section}:Query:MaxQueryLength must be positive.";
        if (Gate.MinCoverage is < 0 or > 1 || Gate.MinHeadingCoverage is < 0 or > 1)
            yield return $"{Section}:Gate:MinCoverage and MinHeadingCoverage must be between 0 and 1.";
        if (Gate.MinOffTopicCoverage is < 0 or > 1)
            yield return $"{Section}:Gate:MinOffTopicCoverage must be between 0 and 1 (is {Gate.MinOffTopicCoverage}).";
        if (Gate.MinCloseCoverage is < 0 or > 1 || Gate.MinCloseOffTopicCoverage is < 0 or > 1)
            yield return $"{Section}:Gate:MinCloseCoverage and MinCloseOffTopicCoverage must be between 0 and 1.";
        if (Gate.MinStrength < 0 || Gate.Depth < 1)
            yield return $"{Section}:Gate:MinStrength must not be negative and Depth must be at least 1.";
    }
}

/// <summary>
/// When the best passage is too weak to answer from. Calibrated with `mamori eval --calibrate` on knowledge/eval
/// (169 questions, 2026-11-29): out-of-scope questions share few topic words with any passage, and almost never one
/// with a passage's title or heading. Chosen below the frontier's knee so that false refusals stay near 1%.
/// </summary>
public sealed record EvidenceGateOptions
{
    /// <summary>
    /// Minimum idf-weighted share of the question's informative terms found in the best passage (0–1). Was 0.25 while
    /// this one bar also had to stop near-domain questions; with <see cref="MinOffTopicCoverage"/> doing that, 0.20 keeps
    /// security questions in owners' own words (ノートPCのハードディスク暗号化) and still refuses ISMS認証の審査費用 (0.17).
    /// </summary>
    public double MinCoverage { get; init; } = 0.20;

    /// <summary>Minimum BM25 of the best passage divided by Σ idf of the question's terms (score if every term occurred once).</summary>
    public double MinStrength { get; init; } = 0.05;

    /// <summary>Minimum idf-weighted share of the question's topic words found in the best passage's title or section heading.</summary>
    public double MinHeadingCoverage { get; init; } = 0.02;

    /// <summary>
    /// Minimum coverage when the question names no security topic or concern from knowledge/dictionary/scope.yaml.
    /// Near-domain questions (「スマホの機種変更はどこが安い？」) share everyday words with the guidelines and reach the
    /// ordinary bar; security questions without a scope word are rare and are matched well when they are ours.
    /// Calibrated with `mamori eval --calibrate` on questions-a/b (2026-11-29): with MinCoverage 0.20, 0.50 refuses 93% of
    /// their out-of-scope questions at 1.4% false refusals; 0.45 lets near-domain questions through, 0.60 refuses real
    /// ones. 0 turns it off.
    /// </summary>
    public double MinOffTopicCoverage { get; init; } = 0.50;

    /// <summary>
    /// Below the answering bars but at least this coverage, with a security topic or concern word in the question: the
    /// evidence is middling, and the bot offers the likeliest documents as topics instead of refusing. Calibrated with
    /// `mamori eval --calibrate` on knowledge/eval/owner-questions/tune.json.
    /// </summary>
    public double MinCloseCoverage { get; init; } = 0.13;

    /// <summary>
    /// The same for a question naming no security topic or concern. Near-domain questions (プリンターが印刷できない, Excelの
    /// マクロ, スマホの機種変更) reach 0.35–0.55, so the bar sits above them: such a question is refused, not offered topics.
    /// </summary>
    public double MinCloseOffTopicCoverage { get; init; } = 0.60;

    /// <summary>How many top passages the gate looks at for the best evidence.</summary>
    public int Depth { get; init; } = 3;

    public static EvidenceGateOptions Default { get; } = new();
}
