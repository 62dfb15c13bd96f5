using Mamori.Knowledge.Analysis;

namespace Mamori.Knowledge.Index;

/// <summary>
/// Decides from the evidence alone whether the bot may answer: BM25 of the best passages relative to the query's own
/// weight (strength) and the idf-weighted share of the question's informative terms they contain (coverage). Computed from
/// <see cref="CorpusStatistics"/> and the passages' sparse vectors, so the verdict is the same over either store.
/// </summary>
public sealed class EvidenceGate(KnowledgeIndex index, EvidenceGateOptions options)
{
    public EvidenceVerdict Judge(AnalyzedQuery query, IReadOnlyList<ChunkHit> hits)
    {
        if (hits.Count == 0)
            return new EvidenceVerdict(false, 0, 0, "no passage shares a term with the question");

        var stats = index.Statistics;
        var terms = query.Terms.Select(t => (t.Term, t.Weight, Id: Index.TermHash.Of(t.Term), Idf: 0.0)).ToList();
        for (int i = 0; i < terms.Count; i++)
            terms[i] = terms[i] with { Idf = stats.Idf(terms[i].Id) };
        // Coverage is about the topic words the user typed: terms with a kanji, katakana or Latin letter, not single
        // characters (they match almost anywhere) and not pure-hiragana pairs (colloquial endings such as ってな, だけど).
        var content = terms.Where(t => IsContent(t.Term)).ToList();
        if (content.Count == 0)
            content = terms;
        var own = content.Where(t => t.Weight >= 1f).ToList();
        var expanded = content.Where(t => t.Weight < 1f).ToList();
        double queryWeight = terms.Sum(t => t.Weight * t.Idf);

        double bestStrength = 0, bestCoverage = 0;
        foreach (var hit in hits.Take(options.Depth))
        {
            if (index.Find(hit.Chunk.ChunkId) is not { } indexed)
                continue;
            var doc = indexed.Sparse;
            double score = 0;
            foreach (var t in terms)
            {
                int at = Array.BinarySearch(doc.Indices, t.Id);
                if (at >= 0)
                    score += t.Weight * t.Idf * doc.Values[at];
            }
            // A dictionary rewording counts as the user's words: a passage about ランサムウェア covers 身代金.
            double coverage = Math.Max(Coverage(own, doc), Coverage([.. own, .. expanded], doc));
            bestStrength = Math.Max(bestStrength, queryWeight == 0 ? 0 : score / queryWeight);
            bestCoverage = Math.Max(bestCoverage, coverage);
        }
        bool answerable = bestCoverage >= options.MinCoverage && bestStrength >= options.MinStrength;
        string reason = answerable
            ? "the best passages cover the question"
            : bestCoverage < options.MinCoverage
                ? $"coverage {bestCoverage:0.00} < {options.MinCoverage:0.00}"
                : $"strength {bestStrength:0.00} < {options.MinStrength:0.00}";
        return new EvidenceVerdict(answerable, bestStrength, bestCoverage, reason);
    }

    private static double Coverage(List<(string Term, float Weight, uint Id, double Idf)> terms, SparseVector doc)
    {
        double total = terms.Sum(t => t.Idf);
        if (total == 0)
            return 0;
        double found = terms.Where(t => Array.BinarySearch(doc.Indices, t.Id) >= 0).Sum(t => t.Idf);
        return found / total;
    }

    private static bool IsContent(string term)
    {
        if (term.Length == 1)
            return JapaneseAnalyzer.Classify(term[0]) == JapaneseAnalyzer.CharKind.Latin;
        foreach (char c in term)
        {
            if (JapaneseAnalyzer.Classify(c) is JapaneseAnalyzer.CharKind.Han or JapaneseAnalyzer.CharKind.Katakana or JapaneseAnalyzer.CharKind.Latin)
                return true;
        }
        return false;
    }
}

/// <param name="Answerable">False: the guidelines do not cover the question; the bot says so and offers a human.</param>
/// <param name="Strength">Best passage's BM25 / Σ q·idf over the question's terms.</param>
/// <param name="Coverage">Best passage's idf-weighted share of the question's informative terms (0–1).</param>
/// <param name="Reason">Why, in a few words (logs and `mamori eval` output, never shown to users).</param>
public sealed record EvidenceVerdict(bool Answerable, double Strength, double Coverage, string Reason);
