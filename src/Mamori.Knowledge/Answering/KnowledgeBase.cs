using Mamori.Core;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Embeddings;
using Mamori.Knowledge.Index;
using Mamori.Knowledge.Qdrant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Qdrant.Client;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// The retriever over the configured store, prepared once on first use: the embedded store straight from the index,
/// or Qdrant after the collection is created or migrated and — when the index content or the embedding model changed —
/// re-uploaded. With an embedding model, passages get dense vectors in both stores (the embedded store caches them in
/// data/knowledge-dense.bin) and the query is fused with RRF.
/// </summary>
public sealed partial class KnowledgeBase(
    ContentRoot content,
    KnowledgeSourceOptions source,
    RetrievalOptions retrieval,
    QdrantOptions qdrant,
    IEmbeddingGenerator<string, Embedding<float>>? embedder,
    string embedderIdentity,
    int? denseSize,
    ILoggerFactory loggerFactory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = loggerFactory.CreateLogger<KnowledgeBase>();
    private KnowledgeRetriever? _retriever;

    /// <summary>How the Qdrant client is made; tests swap in one over a fake transport.</summary>
    internal Func<QdrantOptions, QdrantClient> QdrantClientFactory { get; init; } = o => new QdrantClient(new Uri(o.Url!), o.ApiKey);

    public async Task<KnowledgeRetriever> GetRetrieverAsync(CancellationToken cancellationToken)
    {
        if (_retriever is not null)
            return _retriever;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _retriever ??= await CreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<KnowledgeRetriever> CreateAsync(CancellationToken cancellationToken)
    {
        var data = source.DataFolder(content);
        var index = KnowledgeIndexLoader.LoadOrBuild(content, data, _logger);
        var synonyms = SynonymDictionary.LoadOrEmpty(content.Synonyms);
        if (!qdrant.Enabled)
        {
            if (embedder is null)
            {
                Log.Ready(_logger, "embedded", index.IndexedChunks.Count, dense: false);
                return new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, synonyms, retrieval);
            }

            var withDense = await DenseVectorCache.LoadOrEmbedAsync(index, embedderIdentity, new BatchingEmbedder(embedder), data, cancellationToken);
            Log.Ready(_logger, "embedded", index.IndexedChunks.Count, dense: true);
            return new KnowledgeRetriever(new EmbeddedChunkStore(withDense), index, synonyms, retrieval, embedder);
        }

        var store = new QdrantChunkStore(QdrantClientFactory(qdrant), qdrant,
            embedder is null ? null : denseSize ?? qdrant.DefaultDenseSize, loggerFactory.CreateLogger<QdrantChunkStore>());
        await store.EnsureCollectionAsync(cancellationToken);
        await SyncAsync(store, index, cancellationToken);
        Log.Ready(_logger, $"qdrant:{store.Collection}", index.IndexedChunks.Count, dense: embedder is not null);
        return new KnowledgeRetriever(store, index, synonyms, retrieval, embedder);
    }

    /// <summary>Uploads the index when the collection holds another version of it (or other embeddings), then drops stale passages.</summary>
    private async Task SyncAsync(QdrantChunkStore store, KnowledgeIndex index, CancellationToken cancellationToken)
    {
        var wanted = $"{index.ContentHash}|{embedderIdentity}";
        if (await store.GetContentHashAsync(cancellationToken) == wanted)
            return;

        var chunks = index.IndexedChunks;
        if (embedder is not null)
        {
            var vectors = await new BatchingEmbedder(embedder).EmbedAsync([.. chunks.Select(c => c.Chunk.IndexedText)], cancellationToken);
            chunks = [.. chunks.Zip(vectors, (c, v) => c with { Dense = v })];
        }

        await store.UpsertAsync(chunks, cancellationToken);
        await store.RemoveOthersAsync([.. chunks.Select(c => c.Chunk.ChunkId)], cancellationToken);
        await store.SetContentHashAsync(wanted, cancellationToken);
        Log.Uploaded(_logger, chunks.Count, store.Collection);
    }

    private static partial class Log
    {
        [LoggerMessage(201, LogLevel.Information, "Uploaded {Count} passages to Qdrant collection {Collection}")]
        public static partial void Uploaded(ILogger logger, int count, string collection);

        [LoggerMessage(202, LogLevel.Information, "Knowledge ready: {Store} store, {Count} passages, dense vectors {Dense}")]
        public static partial void Ready(ILogger logger, string store, int count, bool dense);
    }
}
