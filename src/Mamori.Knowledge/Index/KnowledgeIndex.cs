using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Index;

/// <summary>
/// The built, immutable knowledge index: passages with their BM25 sparse vectors and the collection statistics.
/// The embedded store serves it directly; in Qdrant mode its <see cref="IndexedChunks"/> are what gets upserted.
/// </summary>
public sealed class KnowledgeIndex
{
    private readonly Dictionary<string, IndexedChunk> _byId;

    /// <param name="topics">Document id → its `topic` button label (documents without one are left out).</param>
    public KnowledgeIndex(IReadOnlyList<IndexedChunk> chunks, double averageLength, string contentHash, string analyzerVersion,
        IReadOnlyDictionary<string, string>? topics = null)
    {
        IndexedChunks = chunks;
        Topics = topics ?? new Dictionary<string, string>(StringComparer.Ordinal);
        ContentHash = contentHash;
        AnalyzerVersion = analyzerVersion;
        Statistics = new CorpusStatistics([.. chunks.Select(c => c.Sparse)], averageLength);
        _byId = chunks.ToDictionary(c => c.Chunk.ChunkId, StringComparer.Ordinal);
    }

    public IReadOnlyList<IndexedChunk> IndexedChunks { get; }

    /// <summary>Document id → the short topic offered as a button when a question is close to that document.</summary>
    public IReadOnlyDictionary<string, string> Topics { get; }

    public CorpusStatistics Statistics { get; }

    /// <summary>SHA-256 of knowledge/docs and the build settings: equal hashes mean equal indexes.</summary>
    public string ContentHash { get; }

    public string AnalyzerVersion { get; }

    public int DocumentCount => IndexedChunks.Select(c => c.Chunk.DocId).Distinct().Count();

    public IndexedChunk? Find(string chunkId) => _byId.GetValueOrDefault(chunkId);

    /// <summary>Analyzes and encodes passages. Average length is frozen here (Qdrant never recomputes it either).</summary>
    public static KnowledgeIndex Build(
        IReadOnlyList<KnowledgeChunk> chunks, JapaneseAnalyzer analyzer, Bm25Parameters bm25, string contentHash, IndexingOptions? options = null,
        IReadOnlyDictionary<string, string>? topics = null)
    {
        options ??= IndexingOptions.Default;
        var termLists = new List<string>[chunks.Count];
        Parallel.For(0, chunks.Count, i => termLists[i] = AnalyzeChunk(chunks[i], analyzer, options));
        double averageLength = chunks.Count == 0 ? 1 : Math.Max(1, termLists.Average(t => t.Count));
        var indexed = new IndexedChunk[chunks.Count];
        for (int i = 0; i < chunks.Count; i++)
            indexed[i] = new IndexedChunk(chunks[i], Bm25.EncodeDocument(termLists[i], averageLength, bm25));
        return new KnowledgeIndex(indexed, averageLength, contentHash, analyzer.Version + ";" + options.Version, topics);
    }

    /// <summary>Title and heading terms, repeated <see cref="IndexingOptions.HeadingRepeat"/> times, then the passage terms.</summary>
    public static List<string> AnalyzeChunk(KnowledgeChunk chunk, JapaneseAnalyzer analyzer, IndexingOptions options)
    {
        var terms = new List<string>();
        for (int r = 0; r < options.HeadingRepeat; r++)
        {
            analyzer.AnalyzeNormalized(JapaneseNormalizer.Normalize(chunk.Title), terms);
            analyzer.AnalyzeNormalized(JapaneseNormalizer.Normalize(chunk.Section), terms);
        }
        analyzer.AnalyzeNormalized(JapaneseNormalizer.Normalize(chunk.Text), terms);
        return terms;
    }
}

public sealed record IndexingOptions
{
    /// <summary>How many times the document title and section heading are counted in a passage (a simple field weight).</summary>
    public int HeadingRepeat { get; init; } = 2;

    public static IndexingOptions Default { get; } = new();

    public string Version => $"h{HeadingRepeat}";
}
