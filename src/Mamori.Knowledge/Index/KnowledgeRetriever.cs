using Mamori.Knowledge.Analysis;
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
        _queryAnalyzer = new QueryAnalyzer(japanese, synonyms, options.Query);
        _gate = new EvidenceGate(index, options.Gate, japanese, synonyms.Scope);
        Index = index;
    }

    public KnowledgeIndex Index { get; }

    /// <summary>The embedded mode in one call: load or build the cached index, load the dictionary, serve from memory.</summary>
    public static KnowledgeRetriever CreateEmbedded(string knowledgeRoot, string dataDirectory, RetrievalOptions? options = null,
        Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var index = KnowledgeIndexLoader.LoadOrBuild(knowledgeRoot, dataDirectory, logger);
        string synonymsPath = KnowledgePaths.Synonyms(knowledgeRoot);
        var synonyms = File.Exists(synonymsPath) ? SynonymDictionary.Load(synonymsPath) : SynonymDictionary.Empty;
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
        var hits = analyzed.Terms.Count == 0 && dense is null ? [] : await _store.QueryAsync(query, cancellationToken);
        return new RetrievalResult(request.Query, analyzed, hits, _gate.Judge(analyzed, hits));
    }
}

/// <param name="Limit">Passages wanted; null = <see cref="RetrievalOptions.Limit"/>.</param>
public sealed record RetrievalRequest(string Query, int? Limit = null, string? Region = null, string? TenantId = null);

public sealed record RetrievalResult(string Query, AnalyzedQuery Analyzed, IReadOnlyList<ChunkHit> Hits, EvidenceVerdict Verdict);
