using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// The answer without a language model: sentences quoted from the best passages that hold the question's key terms
/// (<see cref="KeyTerms"/>), each passage followed by its citation mark. Passages without the key terms are never quoted,
/// so a sentence about SNS accounts is not stitched into an answer about テレワーク; at most
/// <see cref="MaxDocuments"/> documents are quoted, the best-ranked first. Within it the sentence that best answers the
/// question comes first; the others keep their order in the passage. A question term counts more when it is rare among the candidate sentences: when every
/// passage is about ランサムウェア, the sentence about 感染したら is the one that answers.
/// </summary>
internal sealed class ExtractiveComposer(Func<string, IEnumerable<string>> terms, AnsweringOptions options)
{
    /// <summary>An answer quotes at most this many documents: the best one, and one more that holds the key terms too.</summary>
    public const int MaxDocuments = 2;

    /// <param name="questionTerms">The analysed question's terms (as the retriever searched them, synonyms included).</param>
    /// <param name="keyTerms">What a quoted passage must contain.</param>
    /// <param name="hasKeyTerms">Whether a passage (title, heading and text) holds the key terms.</param>
    /// <param name="mustAnswer">The owner chose this document: quote its best passage even without a term in common.</param>
    /// <returns>One line per quoted passage ("・… [n]"), the citations in mark order, and the passages quoted.</returns>
    public ExtractiveAnswer Compose(IEnumerable<string> questionTerms, KeyTerms keyTerms, IReadOnlyList<KnowledgeChunk> passages,
        Func<KnowledgeChunk, bool> hasKeyTerms, bool mustAnswer = false)
    {
        var wanted = questionTerms.ToHashSet(StringComparer.Ordinal);
        var usable = passages.Where(hasKeyTerms).ToList();
        if (usable.Count == 0 && mustAnswer)
            usable = [.. passages.Take(1)];
        var documents = usable.Select(p => p.DocId).Distinct().Take(MaxDocuments).ToHashSet(StringComparer.Ordinal);
        var candidates = usable
            .Where(p => documents.Contains(p.DocId))
            .Select(p => (Passage: p, Sentences: SentenceSplitter.Split(PassageSanitizer.Neutralize(p.Text))
                .Select(s => new Sentence(s, terms(s).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal)))
                .ToList()))
            .ToList();
        var weights = Weights(wanted, candidates.SelectMany(c => c.Sentences.Select(s => s.Terms)).ToList());

        var chosen = new List<(KnowledgeChunk Passage, List<(string Text, double Score)> Sentences)>();
        foreach (var (passage, sentences) in candidates)
        {
            if (chosen.Count == options.ExtractivePassages)
                break;
            var picked = Choose(sentences, weights, keyTerms, lead: chosen.Count == 0);
            if (picked.Count > 0)
                chosen.Add((passage, picked));
        }

        // The best-ranked document leads; among its passages, the one holding the best sentence, and that sentence opens it.
        var lead = chosen.Count == 0 ? null : chosen[0].Passage.DocId;
        var order = chosen.OrderBy(c => c.Passage.DocId == lead ? 0 : 1).ThenByDescending(c => c.Sentences.Max(s => s.Score)).ToList();
        var citations = new CitationList();
        var lines = new List<string>();
        foreach (var (passage, sentences) in order)
        {
            var best = sentences.MaxBy(s => s.Score);
            var text = string.Concat(sentences.Where(s => s != best).Prepend(best).Select(s => s.Text));
            lines.Add($"・{text} [{citations.NumberOf(passage)}]");
        }

        return new ExtractiveAnswer(string.Join("\n", lines), citations, [.. order.Select(o => o.Passage)]);
    }

    /// <summary>ln(1 + S / sf): S candidate sentences, sf of them containing the term.</summary>
    private static Dictionary<string, double> Weights(HashSet<string> wanted, IReadOnlyList<HashSet<string>> sentenceTerms) =>
        wanted.ToDictionary(t => t, t =>
        {
            var containing = sentenceTerms.Count(s => s.Contains(t));
            return containing == 0 ? 0 : Math.Log(1 + (double)sentenceTerms.Count / containing);
        }, StringComparer.Ordinal);

    /// <param name="lead">The first passage is quoted even with no term overlap: it holds the key terms.</param>
    /// <returns>The chosen sentences in passage order, with their scores (a key term adds half again).</returns>
    private List<(string Text, double Score)> Choose(List<Sentence> sentences, Dictionary<string, double> weights, KeyTerms keyTerms, bool lead)
    {
        var scored = sentences
            .Select((s, index) => (s.Text, index, score: s.Terms.Sum(t => weights[t]) * (keyTerms.FoundIn(s.Terms) && !keyTerms.IsEmpty ? 1.5 : 1)))
            .ToList();

        var best = scored.Where(s => s.score > 0)
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.index)
            .Take(options.SentencesPerPassage)
            .ToList();
        if (best.Count == 0 && lead)
            best = [.. scored.Take(options.SentencesPerPassage)];

        return [.. best.OrderBy(s => s.index).Select(s => (s.Text, s.score))];
    }

    private sealed record Sentence(string Text, HashSet<string> Terms);
}

/// <param name="Quoted">The passages the sentences came from, in the order they are shown.</param>
internal sealed record ExtractiveAnswer(string Body, CitationList Citations, IReadOnlyList<KnowledgeChunk> Quoted);
