using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Gate;

namespace Mamori.Knowledge.Index;

/// <summary>
/// Decides from the evidence alone whether the bot may answer. Features of the best passages against the question's
/// topic words (terms with a kanji, katakana or Latin letter; not single characters, not pure-hiragana pairs such as
/// ってな or だけど, which are colloquial endings): strength (BM25 relative to the query's own weight), coverage (idf-weighted
/// share of topic words in one passage) and heading coverage (share found in the passages' title or section heading,
/// i.e. what the passage is about rather than mentions in passing). Computed from <see cref="CorpusStatistics"/> and
/// the passages' sparse vectors, so the verdict is the same over either store.
/// With a <see cref="ScopeLexicon"/> (knowledge/dictionary/scope.yaml) two rules come on top, both for near-domain
/// questions whose words the guidelines happen to use in passing: a question naming no security topic or concern
/// (「ホームページの作り方」「Wi-Fiが遅い」) needs <see cref="EvidenceGateOptions.MinOffTopicCoverage"/>, and a programme name
/// with a part the documents never use (持続化補助金) is refused outright (<see cref="ProgrammeNames"/>).
/// </summary>
public sealed class EvidenceGate
{
    private readonly KnowledgeIndex _index;
    private readonly EvidenceGateOptions _options;
    private readonly JapaneseAnalyzer _analyzer;
    private readonly ScopeLexicon _scope;
    private readonly ProgrammeNames _programmes;
    private readonly Dictionary<string, HashSet<uint>> _headingTerms = new(StringComparer.Ordinal);

    public EvidenceGate(KnowledgeIndex index, EvidenceGateOptions options, JapaneseAnalyzer analyzer, ScopeLexicon? scope = null)
    {
        _index = index;
        _options = options;
        _analyzer = analyzer;
        _scope = scope ?? ScopeLexicon.Empty;
        _programmes = new ProgrammeNames(_scope, index.Statistics, analyzer.Options);
        foreach (var chunk in index.IndexedChunks.Select(c => c.Chunk))
            _headingTerms[chunk.ChunkId] = HeadingTerms(chunk.Title + "\n" + chunk.Section);
    }

    public EvidenceVerdict Judge(AnalyzedQuery query, IReadOnlyList<ChunkHit> hits)
    {
        string? scopeWord = _scope.FindScopeWord(query.Normalized) ?? (query.Typed is { } typed && typed != query.Normalized ? _scope.FindScopeWord(typed) : null);
        bool onTopic = _scope.IsEmpty || scopeWord is not null;
        var unknown = _programmes.Find(query.Normalized);
        if (hits.Count == 0)
            return new EvidenceVerdict(false, 0, 0, 0, "no passage shares a term with the question", onTopic, scopeWord, unknown);

        var stats = _index.Statistics;
        var terms = query.Terms.Select(t => new GateTerm(t.Weight, TermHash.Of(t.Term), stats.Idf(TermHash.Of(t.Term)), IsTopicWord(t.Term))).ToList();
        var topic = terms.Where(t => t.Topic).ToList();
        if (topic.Count == 0)
            topic = terms;
        var own = topic.Where(t => t.Weight >= 1f).ToList();
        // A dictionary rewording counts as the user's words: a passage about ランサムウェア covers 身代金.
        var ownAndExpanded = topic;
        double queryWeight = terms.Sum(t => t.Weight * t.Idf);

        double strength = 0, coverage = 0, headingCoverage = 0;
        foreach (var hit in hits.Take(_options.Depth))
        {
            if (_index.Find(hit.Chunk.ChunkId) is not { } indexed)
                continue;
            var doc = indexed.Sparse;
            double score = terms.Sum(t => Array.BinarySearch(doc.Indices, t.Id) is var at and >= 0 ? t.Weight * t.Idf * doc.Values[at] : 0);
            strength = Math.Max(strength, queryWeight == 0 ? 0 : score / queryWeight);
            coverage = Math.Max(coverage, Math.Max(Share(own, id => Array.BinarySearch(doc.Indices, id) >= 0),
                Share(ownAndExpanded, id => Array.BinarySearch(doc.Indices, id) >= 0)));
            if (_headingTerms.TryGetValue(hit.Chunk.ChunkId, out var heading))
                headingCoverage = Math.Max(headingCoverage, Math.Max(Share(own, heading.Contains), Share(ownAndExpanded, heading.Contains)));
        }

        string? offTopic = onTopic ? null : _scope.FindOffTopic(query.Normalized);
        string? weak = unknown is not null ? $"「{unknown.Name}」: 「{unknown.Part}」 occurs nowhere in the guidelines (a programme we have no document for)"
            : offTopic is not null ? $"「{offTopic}」 without a security word: not what the guidelines cover"
            : coverage < _options.MinCoverage ? $"coverage {coverage:0.00} < {_options.MinCoverage:0.00}"
            : strength < _options.MinStrength ? $"strength {strength:0.00} < {_options.MinStrength:0.00}"
            : headingCoverage < _options.MinHeadingCoverage ? $"heading coverage {headingCoverage:0.00} < {_options.MinHeadingCoverage:0.00}"
            : !onTopic && coverage < _options.MinOffTopicCoverage
                ? $"no security topic or concern word in the question, and coverage {coverage:0.00} < {_options.MinOffTopicCoverage:0.00}"
            : null;
        string answered = scopeWord is null ? "the best passages cover the question" : $"the best passages cover the question (topic: {scopeWord})";
        // Between "covered" and "nothing close": the bot offers the likeliest documents as topics instead of refusing.
        bool close = weak is not null && unknown is null && offTopic is null && strength >= _options.MinStrength
            && coverage >= (onTopic ? _options.MinCloseCoverage : _options.MinCloseOffTopicCoverage);
        return new EvidenceVerdict(weak is null, strength, coverage, headingCoverage, close ? $"close: {weak}" : weak ?? answered,
            onTopic, scopeWord, unknown, close);
    }

    private HashSet<uint> HeadingTerms(string heading) =>
        [.. _analyzer.Analyze(heading).Where(IsTopicWord).Select(TermHash.Of)];

    private static double Share(List<GateTerm> terms, Func<uint, bool> found)
    {
        double total = 0, hit = 0;
        foreach (var t in terms)
        {
            total += t.Idf;
            if (found(t.Id))
                hit += t.Idf;
        }
        return total == 0 ? 0 : hit / total;
    }

    internal static bool IsTopicWord(string term)
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

    private readonly record struct GateTerm(float Weight, uint Id, double Idf, bool Topic);
}

/// <param name="Answerable">False: the guidelines do not cover the question; the bot says so and offers a human.</param>
/// <param name="Strength">Best passage's BM25 / Σ q·idf over the question's terms.</param>
/// <param name="Coverage">Best passage's idf-weighted share of the question's topic words (0–1).</param>
/// <param name="HeadingCoverage">The same share within the passage's document title and section heading (0–1).</param>
/// <param name="Reason">Why, in a few words (logs and `mamori eval` output, never shown to users).</param>
/// <param name="OnTopic">The question names a security topic or concern (always true without a scope lexicon).</param>
/// <param name="ScopeWord">The topic or concern word found in the question, if any.</param>
/// <param name="UnknownName">A programme name with a part the guidelines never use (the question is refused).</param>
/// <param name="Close">Not answerable, but the evidence is middling rather than absent: the bot offers the likeliest
/// documents' topics (「次のどれについてのご質問ですか？」) instead of refusing.</param>
public sealed record EvidenceVerdict(bool Answerable, double Strength, double Coverage, double HeadingCoverage, string Reason,
    bool OnTopic = true, string? ScopeWord = null, UnknownName? UnknownName = null, bool Close = false);
