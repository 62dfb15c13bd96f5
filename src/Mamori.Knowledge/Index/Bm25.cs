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
        // Hash, sort, count runs: arrays only, since this runs for every passage at every build.
        var ids = new uint[terms.Count];
        for (int i = 0; i < ids.Length; i++)
            ids[i] = TermHash.Of(terms[i]);
        Array.Sort(ids);
        var indices = new List<uint>();
        var values = new List<float>();
        for (int start = 0; start < ids.Length;)
        {
            int end = start + 1;
            while (end < ids.Length && ids[end] == ids[start])
                end++;
            indices.Add(ids[start]);
            values.Add((float)TfPart(end - start, terms.Count, averageLength, p));
            start = end;
        }
        return new SparseVector([.. indices], [.. values]);
    }

    /// <summary>Query vector: one dimension per distinct term with its weight (1 for the user's own words, less for expansions).</summary>
    public static SparseVector EncodeQuery(IEnumerable<WeightedTerm> terms) =>
        SparseVector.From(terms.Select(t => KeyValuePair.Create(TermHash.Of(t.Term), t.Weight)));
}

/// <summary>A query term and its weight: 1 for what the user typed, the dictionary's weight for a synonym expansion.</summary>
public readonly record struct WeightedTerm(string Term, float Weight);
