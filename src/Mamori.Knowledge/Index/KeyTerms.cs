using Mamori.Knowledge.Analysis;

namespace Mamori.Knowledge.Index;

/// <summary>
/// The words a passage must share with a question before it may be quoted as the answer: the question's content words
/// (<see cref="IsContentWord"/>; the user's own and the dictionary's rewordings) that occur in the guidelines, keeping
/// the distinctive ones — in at most <see cref="MaxPassageShare"/> of the passages. 「家から仕事をするときに気をつけることは？」
/// keeps テレワーク and 在宅 (from the dictionary) and drops 仕事, which many passages use; a passage about お助け隊 that
/// merely says 仕事 lacks the key terms and is never quoted for it. A passage needs one of them. Used by the extractive answer and checked by `mamori eval`.
/// </summary>
public sealed class KeyTerms
{
    /// <summary>A word found in more than this share of all passages is too common to tell them apart.</summary>
    public const double MaxPassageShare = 0.15;

    private readonly HashSet<uint> _ids;

    private KeyTerms(IReadOnlyList<string> terms)
    {
        Terms = terms;
        _ids = [.. terms.Select(TermHash.Of)];
    }

    /// <summary>Distinctive topic words of the question, rarest first; empty when it has none the guidelines use.</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>No key terms: every passage qualifies.</summary>
    public static KeyTerms None { get; } = new([]);

    public static KeyTerms Of(AnalyzedQuery query, CorpusStatistics statistics)
    {
        var candidates = query.Terms
            .Where(t => IsContentWord(t.Term))
            .Select(t => (t.Term, Df: statistics.DocumentFrequency(TermHash.Of(t.Term))))
            .Where(t => t.Df > 0)
            .OrderBy(t => t.Df).ThenBy(t => t.Term, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
            return None;
        // Words most passages use (情報, 会社, セキュリティ) tell no passage apart; when the question has nothing else, its rarest word.
        int common = (int)Math.Ceiling(statistics.DocumentCount * MaxPassageShare);
        var distinctive = candidates.Where(c => c.Df <= common).Select(c => c.Term).ToList();
        return new KeyTerms(distinctive.Count > 0 ? distinctive : [candidates[0].Term]);
    }

    /// <summary>
    /// A word that can carry a question's meaning: a whole katakana word (k:), a Latin word, or a pair of kanji. Pairs that
    /// cross into hiragana (今す, 化し, 聞か) are rare by accident and say nothing; katakana pairs repeat the whole word.
    /// </summary>
    internal static bool IsContentWord(string term)
    {
        if (term.StartsWith("k:", StringComparison.Ordinal))
            return true;
        if (term.All(c => JapaneseAnalyzer.Classify(c) == JapaneseAnalyzer.CharKind.Latin))
            return term.Length > 1;
        return term.Length == 2 && term.All(c => JapaneseAnalyzer.Classify(c) == JapaneseAnalyzer.CharKind.Han);
    }

    /// <summary>True when the passage's indexed terms (title, heading and text) hold at least one key term, or there are none to hold.</summary>
    public bool FoundIn(SparseVector passage) => IsEmpty || _ids.Any(id => Array.BinarySearch(passage.Indices, id) >= 0);

    /// <summary>The same over a sentence's own terms.</summary>
    public bool FoundIn(IEnumerable<string> terms) => IsEmpty || terms.Any(t => _ids.Contains(TermHash.Of(t)));
}
