namespace Mamori.Knowledge.Index;

/// <summary>
/// Collection statistics frozen at index build: N, average length (in terms) and document frequency per term id.
/// The same numbers Qdrant's IDF modifier computes over a collection holding exactly these passages, so the evidence gate
/// can score a hit locally whichever store returned it.
/// </summary>
public sealed class CorpusStatistics
{
    private readonly Dictionary<uint, int> _documentFrequency;

    public CorpusStatistics(IReadOnlyList<SparseVector> documents, double averageLength)
    {
        DocumentCount = documents.Count;
        AverageLength = averageLength;
        _documentFrequency = [];
        foreach (var vector in documents)
        {
            foreach (uint id in vector.Indices)
                _documentFrequency[id] = _documentFrequency.GetValueOrDefault(id) + 1;
        }
    }

    public int DocumentCount { get; }

    public double AverageLength { get; }

    public int TermCount => _documentFrequency.Count;

    public int DocumentFrequency(uint termId) => _documentFrequency.GetValueOrDefault(termId);

    public double Idf(uint termId) => Bm25.Idf(DocumentCount, DocumentFrequency(termId));
}
