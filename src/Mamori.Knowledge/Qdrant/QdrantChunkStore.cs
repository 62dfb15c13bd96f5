using Mamori.Knowledge.Index;
using Microsoft.Extensions.Logging;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Mamori.Knowledge.Qdrant;

/// <summary>
/// <see cref="IChunkStore"/> over one Qdrant collection (gRPC). Same query semantics as the embedded store
/// (retrieval-contract.md): BM25 with IDF applied by Qdrant; hybrid = RRF over sparse and dense prefetches.
/// Call <see cref="EnsureCollectionAsync"/> once at start-up.
/// </summary>
public sealed partial class QdrantChunkStore(QdrantClient client, QdrantOptions options, int? denseSize, ILogger<QdrantChunkStore> logger)
    : IChunkStore
{
    public string Collection => options.Collection;

    /// <summary>Dense vector size of the collection; null when it is sparse-only.</summary>
    public int? DenseSize => denseSize;

    /// <summary>Creates the collection, or checks and migrates an existing one in place. Safe to call on every start.</summary>
    public async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (!await client.CollectionExistsAsync(options.Collection, cancellationToken))
        {
            await client.CreateCollectionAsync(QdrantSchema.CreateRequest(options.Collection, denseSize), cancellationToken);
            foreach (var (field, parameters) in QdrantSchema.PayloadIndexes)
                await client.CreatePayloadIndexAsync(options.Collection, field, PayloadSchemaType.Keyword, parameters, cancellationToken: cancellationToken);
            Log.Created(logger, options.Collection, denseSize);
            return;
        }

        var info = await client.GetCollectionInfoAsync(options.Collection, cancellationToken);
        var problems = QdrantSchema.Incompatibilities(info, denseSize);
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Qdrant collection '{options.Collection}' (Knowledge:Qdrant:Collection) cannot be used: {string.Join("; ", problems)}. " +
                "Use another collection name or delete this one so it is rebuilt.");

        foreach (var (field, parameters) in QdrantSchema.MissingIndexes(info))
        {
            await client.CreatePayloadIndexAsync(options.Collection, field, PayloadSchemaType.Keyword, parameters, cancellationToken: cancellationToken);
            Log.IndexAdded(logger, options.Collection, field);
        }

        var stored = QdrantSchema.StoredVersion(info);
        if (stored > QdrantSchema.Version)
            throw new InvalidOperationException(
                $"Qdrant collection '{options.Collection}' has schema version {stored}, newer than this build ({QdrantSchema.Version}).");
        if (stored < QdrantSchema.Version)
        {
            // Version 0 (no metadata) to 1: the layout is the same; missing indexes were added above. Record the version.
            await SetMetadataAsync(QdrantSchema.SchemaVersionKey, QdrantSchema.Version, cancellationToken);
            Log.Migrated(logger, options.Collection, stored, QdrantSchema.Version);
        }
    }

    /// <summary>The knowledge index content hash recorded after the last full upload; null if never uploaded.</summary>
    public async Task<string?> GetContentHashAsync(CancellationToken cancellationToken) =>
        QdrantSchema.StoredContentHash(await client.GetCollectionInfoAsync(options.Collection, cancellationToken));

    public Task SetContentHashAsync(string hash, CancellationToken cancellationToken) =>
        SetMetadataAsync(QdrantSchema.ContentHashKey, hash, cancellationToken);

    public async Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        for (var start = 0; start < chunks.Count; start += options.UpsertBatchSize)
        {
            var batch = chunks.Skip(start).Take(options.UpsertBatchSize)
                .Select(c => QdrantPayload.ToPoint(c, denseSize is not null))
                .ToList();
            await client.UpsertAsync(options.Collection, batch, wait: true, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Deletes every point whose chunk id is not in <paramref name="keep"/> (passages of removed or re-cut documents).</summary>
    public Task RemoveOthersAsync(IReadOnlyList<string> keep, CancellationToken cancellationToken) =>
        client.DeleteAsync(options.Collection, QdrantQueryPlan.AllExcept(keep), wait: true, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ChunkHit>> QueryAsync(ChunkQuery query, CancellationToken cancellationToken)
    {
        if (query.Limit <= 0 || (query.Sparse.Count == 0 && query.Dense is not { Length: > 0 }))
            return [];
        if (query.Dense is { Length: > 0 } && denseSize is null)
            throw new InvalidOperationException(
                $"A dense query was sent to Qdrant collection '{options.Collection}', which has no dense vector.");

        var plan = QdrantQueryPlan.For(query);
        var points = await client.QueryAsync(
            options.Collection,
            query: plan.Query,
            prefetch: plan.Prefetch,
            usingVector: plan.Using,
            filter: plan.Filter,
            limit: plan.Limit,
            payloadSelector: true,
            cancellationToken: cancellationToken);

        // Qdrant breaks equal scores by point id; the contract breaks them by chunk id (as the embedded store does).
        // Ranks per channel are not reported by a server-side fusion, so they stay null here.
        return [.. points
            .Select(p => new ChunkHit(QdrantPayload.ToChunk(p), p.Score))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    // Qdrant merges the given keys into the stored metadata (update_collection: "will be merged with already stored
    // metadata", docs.rs/qdrant-client 1.18 UpdateCollectionBuilder), so the version and the content hash live side by side.
    private Task SetMetadataAsync(string key, Value value, CancellationToken cancellationToken) =>
        client.UpdateCollectionAsync(options.Collection, metadata: new Dictionary<string, Value> { [key] = value }, cancellationToken: cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Created Qdrant collection {Collection} (dense size {DenseSize})")]
        public static partial void Created(ILogger logger, string collection, int? denseSize);

        [LoggerMessage(2, LogLevel.Information, "Added payload index {Field} to Qdrant collection {Collection}")]
        public static partial void IndexAdded(ILogger logger, string collection, string field);

        [LoggerMessage(3, LogLevel.Information, "Migrated Qdrant collection {Collection} from schema {From} to {To}")]
        public static partial void Migrated(ILogger logger, string collection, int from, int to);
    }
}
