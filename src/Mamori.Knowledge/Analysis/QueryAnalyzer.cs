using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Analysis;

/// <summary>
/// Turns what a user typed into weighted query terms: the user's own terms at weight 1 (minus question filler such as
/// 教えて or ですか), plus the synonym dictionary's guideline words at <see cref="QueryAnalyzerOptions.ExpansionWeight"/>.
/// Loanwords typed in hiragana are the user's own words in the guidelines' katakana (<see cref="KanaSpellings"/>).
/// </summary>
public sealed class QueryAnalyzer(JapaneseAnalyzer analyzer, SynonymDictionary synonyms, QueryAnalyzerOptions options, KanaSpellings? spellings = null)
{
    public JapaneseAnalyzer Analyzer => analyzer;

    public AnalyzedQuery Analyze(string query)
    {
        // A pasted e-mail is a fair question; a megabyte of text is not. Past the cap the rest adds cost, not meaning.
        if (query.Length > options.MaxQueryLength)
            query = query[..options.MaxQueryLength];
        string typed = JapaneseNormalizer.Normalize(query);
        string normalized = (spellings ?? KanaSpellings.None).Rewrite(typed);
        string stripped = normalized;
        if (options.StripQuestionFiller)
        {
            foreach (var filler in synonyms.QuestionFiller)
                stripped = stripped.Replace(filler, " ", StringComparison.Ordinal);
        }
        var own = new List<string>();
        analyzer.AnalyzeNormalized(stripped, own);
        if (own.Count == 0)
            analyzer.AnalyzeNormalized(normalized, own);   // a query made only of filler still searches something

        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in own)
            weights[term] = 1f;
        // The dictionary knows some kana spellings itself (せきゅりてぃあくしょん): it reads the question as typed too, and with
        // its spaces taken out when it is written word by word (「メール まちがえて おくった」).
        var joined = normalized.Replace(" ", "", StringComparison.Ordinal);
        var expansions = synonyms.Expand(normalized).Concat(typed == normalized ? [] : synonyms.Expand(typed))
            .Concat(joined == normalized ? [] : synonyms.Expand(joined)).Distinct().ToList();
        var expanded = new List<string>();
        foreach (var phrase in expansions)
        {
            expanded.Clear();
            analyzer.AnalyzeNormalized(phrase, expanded);
            foreach (var term in expanded)
                weights.TryAdd(term, options.ExpansionWeight);
        }
        return new AnalyzedQuery(
            query,
            normalized,
            [.. weights.Select(w => new WeightedTerm(w.Key, w.Value))],
            expansions,
            typed);
    }
}

/// <param name="Terms">Distinct terms with their weights (1 = typed by the user).</param>
/// <param name="Normalized">The question normalized, loanwords typed in hiragana in katakana.</param>
/// <param name="Expansions">The guideline phrases the dictionary added, for explaining a hit.</param>
/// <param name="Typed">The question normalized, as typed (before the kana spellings); null: the same as <paramref name="Normalized"/>.</param>
public sealed record AnalyzedQuery(string Original, string Normalized, IReadOnlyList<WeightedTerm> Terms, IReadOnlyList<string> Expansions, string? Typed = null)
{
    public SparseVector ToSparseVector() => Bm25.EncodeQuery(Terms);
}

public sealed record QueryAnalyzerOptions
{
    /// <summary>Weight of a synonym's terms relative to the user's own (Qdrant multiplies it into the score the same way).</summary>
    public float ExpansionWeight { get; init; } = 0.7f;

    /// <summary>Whether the dictionary's question filler (教えて, ですか …) is taken off the user's own terms.</summary>
    public bool StripQuestionFiller { get; init; } = true;

    /// <summary>Characters of a question that are analysed (about two pasted e-mails).</summary>
    public int MaxQueryLength { get; init; } = 4000;

    public static QueryAnalyzerOptions Default { get; } = new();
}
