using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// The answer without a language model: from the best passages, the sentences that best match the question, quoted in
/// their original order, each passage followed by its citation mark. A question term counts more when it is rare among
/// the candidate sentences: when every passage is about ランサムウェア, the sentence about 感染したら is the one that answers.
/// </summary>
internal sealed class ExtractiveComposer(Func<string, IEnumerable<string>> terms, AnsweringOptions options)
{
    /// <param name="questionTerms">The analysed question's terms (as the retriever searched them, synonyms included).</param>
    /// <returns>One line per quoted passage ("・… [n]"), and the citations in mark order.</returns>
    public (string Body, CitationList Citations) Compose(IEnumerable<string> questionTerms, IReadOnlyList<KnowledgeChunk> passages)
    {
        var wanted = questionTerms.ToHashSet(StringComparer.Ordinal);
        var candidates = passages
            .Select(p => (Passage: p, Sentences: SentenceSplitter.Split(PassageSanitizer.Neutralize(p.Text))
                .Select(s => (Text: s, Terms: terms(s).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal)))
                .ToList()))
            .ToList();
        var weights = Weights(wanted, candidates.SelectMany(c => c.Sentences.Select(s => s.Terms)).ToList());

        var citations = new CitationList();
        var lines = new List<string>();
        foreach (var (passage, sentences) in candidates)
        {
            if (lines.Count == options.ExtractivePassages)
                break;

            var chosen = Choose(sentences, weights, mustAnswer: lines.Count == 0);
            if (chosen.Count == 0)
                continue;

            lines.Add($"・{string.Concat(chosen)} [{citations.NumberOf(passage)}]");
        }

        return (string.Join("\n", lines), citations);
    }

    /// <summary>ln(1 + S / sf): S candidate sentences, sf of them containing the term.</summary>
    private static Dictionary<string, double> Weights(HashSet<string> wanted, IReadOnlyList<HashSet<string>> sentenceTerms) =>
        wanted.ToDictionary(t => t, t =>
        {
            var containing = sentenceTerms.Count(s => s.Contains(t));
            return containing == 0 ? 0 : Math.Log(1 + (double)sentenceTerms.Count / containing);
        }, StringComparer.Ordinal);

    /// <param name="mustAnswer">The best passage is quoted even with no term overlap: the evidence gate already accepted it.</param>
    private List<string> Choose(List<(string Text, HashSet<string> Terms)> sentences, Dictionary<string, double> weights, bool mustAnswer)
    {
        var scored = sentences
            .Select((s, index) => (s.Text, index, score: s.Terms.Sum(t => weights[t])))
            .ToList();

        var best = scored.Where(s => s.score > 0)
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.index)
            .Take(options.SentencesPerPassage)
            .ToList();
        if (best.Count == 0 && mustAnswer)
            best = [.. scored.Take(options.SentencesPerPassage)];

        return [.. best.OrderBy(s => s.index).Select(s => s.Text)];
    }
}
