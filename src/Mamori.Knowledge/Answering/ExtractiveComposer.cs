using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// The answer without a language model: from the best passages, the sentences that share the most terms with the
/// question, quoted in their original order, each passage followed by its citation mark.
/// </summary>
internal sealed class ExtractiveComposer(Func<string, IEnumerable<string>> terms, AnsweringOptions options)
{
    /// <returns>One line per quoted passage ("・… [n]"), and the citations in mark order.</returns>
    /// <param name="questionTerms">The analysed question's terms (as the retriever searched them, synonyms included).</param>
    public (string Body, CitationList Citations) Compose(IEnumerable<string> questionTerms, IReadOnlyList<KnowledgeChunk> passages)
    {
        var wanted = questionTerms.ToHashSet(StringComparer.Ordinal);
        var citations = new CitationList();
        var lines = new List<string>();
        foreach (var passage in passages)
        {
            if (lines.Count == options.ExtractivePassages)
                break;

            var sentences = SentenceSplitter.Split(PassageSanitizer.Neutralize(passage.Text));
            var chosen = Choose(sentences, wanted, mustAnswer: lines.Count == 0);
            if (chosen.Count == 0)
                continue;

            lines.Add($"・{string.Concat(chosen)} [{citations.NumberOf(passage)}]");
        }

        return (string.Join("\n", lines), citations);
    }

    /// <param name="mustAnswer">The best passage is quoted even with no term overlap: the evidence gate already accepted it.</param>
    private List<string> Choose(IReadOnlyList<string> sentences, HashSet<string> questionTerms, bool mustAnswer)
    {
        var scored = sentences
            .Select((sentence, index) => (sentence, index, score: terms(sentence).Distinct().Count(questionTerms.Contains)))
            .ToList();

        var best = scored.Where(s => s.score > 0)
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.index)
            .Take(options.SentencesPerPassage)
            .ToList();
        if (best.Count == 0 && mustAnswer)
            best = [.. scored.Take(options.SentencesPerPassage)];

        return [.. best.OrderBy(s => s.index).Select(s => s.sentence)];
    }
}
