using Mamori.Core;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Microsoft.Extensions.AI;

namespace Mamori.Knowledge.Index;

/// <summary>
/// Question → analysed query → store → passages + evidence verdict. The one ranking path for both modes: the store
/// (embedded or Qdrant) is the only thing that changes. With an embedder, the query is also embedded and the store fuses.
/// </summary>
public sealed class KnowledgeRetriever
{
    private readonly IChunkStore _store;
    private readonly QueryAnalyzer _queryAnalyzer;
    private readonly EvidenceGate _gate;
    private readonly RetrievalOptions _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;

    public KnowledgeRetriever(
        IChunkStore store,
        KnowledgeIndex index,
        SynonymDictionary synonyms,
        RetrievalOptions options,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
        AnalyzerOptions? analyzer = null)
    {
        if (options.Problems().ToList() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        _store = store;
        _options = options;
        _embedder = embedder;
        var japanese = new JapaneseAnalyzer(analyzer ?? AnalyzerOptions.Default);
        // The spellings come from the index, so the Qdrant mode (which keeps the same index for the gate) gets them too.
        _queryAnalyzer = new QueryAnalyzer(japanese, synonyms, options.Query,
            KanaSpellings.From(index.IndexedChunks.Select(c => c.Chunk.Title + "\n" + c.Chunk.Section + "\n" + c.Chunk.Text)));
        _gate = new EvidenceGate(index, options.Gate, japanese, synonyms.Scope);
        Index = index;
    }

    public KnowledgeIndex Index { get; }

    /// <summary>
    /// The embedded mode in one call: load or build the cached index (in <paramref name="dataDirectory"/>, default the content
    /// root's data/), load the dictionary, serve from memory.
    /// </summary>
    public static KnowledgeRetriever CreateEmbedded(ContentRoot content, string? dataDirectory = null, RetrievalOptions? options = null,
        Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var index = KnowledgeIndexLoader.LoadOrBuild(content, dataDirectory ?? content.Data, logger);
        var synonyms = SynonymDictionary.LoadOrEmpty(content.Synonyms);
        return new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, synonyms, options ?? RetrievalOptions.Default);
    }

    public AnalyzedQuery Analyze(string query) => _queryAnalyzer.Analyze(query);

    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken)
    {
        var analyzed = _queryAnalyzer.Analyze(request.Query);
        ReadOnlyMemory<float>? dense = null;
        if (_embedder is not null)
            dense = await _embedder.GenerateVectorAsync(request.Query, cancellationToken: cancellationToken);
        var query = new ChunkQuery(
            analyzed.ToSparseVector(),
            dense,
            ChunkFilter.For(request.Region, request.TenantId),
            request.Limit ?? _options.Limit,
            _options.Fusion);
        if (request.DocId is { } docId)
            query = query with { Limit = Math.Max(query.Limit, DocumentSearchLimit) };
        var hits = analyzed.Terms.Count == 0 && dense is null ? [] : await _store.QueryAsync(query, cancellationToken);
        if (request.DocId is { } only)
            hits = FromDocument(only, hits, request.Limit ?? _options.Limit);
        var keys = KeyTerms.Of(analyzed, Index.Statistics);
        var withKeys = hits.Where(h => Index.Find(h.Chunk.ChunkId) is not { } c || keys.FoundIn(c.Sparse))
            .Select(h => h.Chunk.ChunkId).ToHashSet(StringComparer.Ordinal);
        return new RetrievalResult(request.Query, analyzed, hits, _gate.Judge(analyzed, hits), Index.Topics, keys, withKeys);
    }

    /// <summary>Passages searched when the answer must come from one document (a pressed topic button).</summary>
    private const int DocumentSearchLimit = 100;

    /// <summary>The document's passages among the hits, best first; when the question shares no term with any, its first passages.</summary>
    private IReadOnlyList<ChunkHit> FromDocument(string docId, IReadOnlyList<ChunkHit> hits, int limit)
    {
        var own = hits.Where(h => h.Chunk.DocId == docId).Take(limit).ToList();
        return own.Count > 0 ? own
            : [.. Index.IndexedChunks.Where(c => c.Chunk.DocId == docId).Take(limit).Select(c => new ChunkHit(c.Chunk, 0, null, null))];
    }
}

/// <param name="Limit">Passages wanted; null = <see cref="RetrievalOptions.Limit"/>.</param>
/// <param name="DocId">Only passages of this document (the owner chose its topic).</param>
public sealed record RetrievalRequest(string Query, int? Limit = null, string? Region = null, string? TenantId = null, string? DocId = null);

/// <param name="Topics">Document id → topic label of every indexed document that has one (for suggesting topics).</param>
/// <param name="KeyTerms">The question's key terms: what a quoted passage must contain.</param>
/// <param name="WithKeyTerms">Chunk ids of the hits whose passage (title, heading, text) holds a key term.</param>
public sealed record RetrievalResult(string Query, AnalyzedQuery Analyzed, IReadOnlyList<ChunkHit> Hits, EvidenceVerdict Verdict,
    IReadOnlyDictionary<string, string>? Topics = null, KeyTerms? KeyTerms = null, IReadOnlySet<string>? WithKeyTerms = null)
{
    /// <summary>Whether the passage holds the question's key terms (true when they were not computed).</summary>
    public bool HasKeyTerms(KnowledgeChunk chunk) => WithKeyTerms?.Contains(chunk.ChunkId) ?? true;
}
