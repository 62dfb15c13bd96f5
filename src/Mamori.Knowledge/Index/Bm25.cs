namespace Mamori.Knowledge.Index;

/// <summary>
/// BM25 split the way Qdrant's sparse vectors with the IDF modifier need it: the document side carries the TF part with
/// a frozen average length, the store multiplies by IDF at query time. Score(q, d) = Σ_t q_t · IDF(t) · tfPart(t, d).
/// </summary>
public sealed record Bm25Parameters(double K1 = 1.2, double B = 0.75)
{
    public static Bm25Parameters Default { get; } = new();
}

public static class Bm25
{
    /// <summary>Qdrant's IDF modifier and Lucene's BM25Similarity: ln((N − n + 0.5)/(n + 0.5) + 1). Always positive.</summary>
    public static double Idf(long documentCount, long documentFrequency) =>
        Math.Log((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5) + 1.0);

    /// <summary>tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)).</summary>
    public static double TfPart(int termFrequency, int documentLength, double averageLength, Bm25Parameters p) =>
        termFrequency * (p.K1 + 1) / (termFrequency + p.K1 * (1 - p.B + p.B * documentLength / averageLength));

    /// <summary>The ceiling of one term's TF part (tf → ∞): k1 + 1. Used to normalise scores for the evidence gate.</summary>
    public static double MaxTfPart(Bm25Parameters p) => p.K1 + 1;

    /// <summary>Document vector: one dimension per distinct term, value = TF part. Length = number of terms (with repeats).</summary>
    public static SparseVector EncodeDocument(IReadOnlyList<string> terms, double averageLength, Bm25Parameters p)
    {
        var counts = new Dictionary<uint, int>();
        foreach (var term in terms)
        {
            uint id = TermHash.Of(term);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return SparseVector.From(counts.Select(c =>
            KeyValuePair.Create(c.Key, (float)TfPart(c.Value, terms.Count, averageLength, p))));
    }

    /// <summary>Query vector: one dimension per distinct term with its weight (1 for the user's own words, less for expansions).</summary>
    public static SparseVector EncodeQuery(IEnumerable<WeightedTerm> terms) =>
        SparseVector.From(terms.Select(t => KeyValuePair.Create(TermHash.Of(t.Term), t.Weight)));
}

/// <summary>A query term and its weight: 1 for what the user typed, the dictionary's weight for a synonym expansion.</summary>
public readonly record struct WeightedTerm(string Term, float Weight);
