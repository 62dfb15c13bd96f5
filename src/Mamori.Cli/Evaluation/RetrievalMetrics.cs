namespace Mamori.Cli.Evaluation;

/// <summary>
/// Deterministic retrieval metrics over passage rankings with document-level relevance: a passage counts when its
/// document is in the question's `relevant` list. Ranks are 1-based positions among passages (what reaches the answerer).
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>1-based rank of the first relevant passage, or null when none is in the list.</summary>
    public static int? FirstRelevantRank(IReadOnlyList<string> rankedDocIds, IReadOnlyCollection<string> relevant)
    {
        for (int i = 0; i < rankedDocIds.Count; i++)
        {
            if (relevant.Contains(rankedDocIds[i]))
                return i + 1;
        }
        return null;
    }

    public static double RecallAt(int? rank, int k) => rank is { } r && r <= k ? 1 : 0;

    public static double ReciprocalRankAt(int? rank, int k) => rank is { } r && r <= k ? 1.0 / r : 0;
}
