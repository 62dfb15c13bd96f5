using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Index;

/// <summary>
/// Where passages live and are ranked. Two implementations with the same semantics: <see cref="EmbeddedChunkStore"/>
/// (in-process, the default) and the Qdrant store (production). Contract: docs/retrieval-contract.md.
/// </summary>
public interface IChunkStore
{
    /// <summary>Adds or replaces passages by chunk id. Sparse vectors come from <see cref="Bm25.EncodeDocument"/>.</summary>
    Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    /// <summary>
    /// Sparse only (Dense null): hits ranked by BM25 = Σ q_t·IDF(t)·d_t, IDF over the whole store (all tenants), score = that sum.
    /// Sparse and dense: each channel takes its best <see cref="ChunkQuery.PrefetchLimit"/> passages under the filter, then
    /// RRF: score = Σ w_i / (k + rank0_i) (rank0 zero-based), ties broken by ordinal chunk id. Passages with no matching
    /// sparse term and no dense vector are never returned.
    /// </summary>
    Task<IReadOnlyList<ChunkHit>> QueryAsync(ChunkQuery query, CancellationToken cancellationToken);
}

/// <param name="Dense">Optional embedding of <see cref="KnowledgeChunk.IndexedText"/>; null when no embedder is configured.</param>
public sealed record IndexedChunk(KnowledgeChunk Chunk, SparseVector Sparse, ReadOnlyMemory<float>? Dense = null);

public sealed record ChunkQuery(
    SparseVector Sparse,
    ReadOnlyMemory<float>? Dense,
    ChunkFilter Filter,
    int Limit,
    FusionOptions Fusion)
{
    /// <summary>Depth of each channel before fusion: 4 × limit, at least 40 (retrieval.md §6).</summary>
    public int PrefetchLimit => Math.Max(40, 4 * Limit);
}

/// <summary>Null lists mean "no restriction". A passage passes when its region is in Regions and its tenant in Tenants.</summary>
public sealed record ChunkFilter(IReadOnlyList<string>? Regions = null, IReadOnlyList<string>? Tenants = null)
{
    public static ChunkFilter None { get; } = new();

    /// <summary>The usual scope for a user: national passages plus their prefecture's; shared passages plus their tenant's.</summary>
    public static ChunkFilter For(string? region, string? tenantId) => new(
        region is null ? null : ["national", region],
        tenantId is null ? null : [KnowledgeChunk.SharedTenant, tenantId]);

    public bool Matches(KnowledgeChunk chunk) =>
        (Regions is null || Regions.Contains(chunk.Region)) && (Tenants is null || Tenants.Contains(chunk.Tenant));
}

/// <param name="K">RRF constant in Qdrant's convention (zero-based ranks): k = 61 equals the paper's 60.</param>
/// <param name="SparseWeight">w for the sparse (BM25) channel.</param>
/// <param name="DenseWeight">w for the dense channel.</param>
public sealed record FusionOptions(double K = 61, double SparseWeight = 1, double DenseWeight = 1)
{
    public static FusionOptions Default { get; } = new();
}

/// <param name="Score">BM25 when the query was sparse only; the RRF score when fused.</param>
/// <param name="SparseRank">Zero-based rank in the sparse channel, null when the passage was not in its prefetch.</param>
/// <param name="DenseRank">Zero-based rank in the dense channel, null when not in its prefetch or no dense query.</param>
public sealed record ChunkHit(KnowledgeChunk Chunk, double Score, int? SparseRank = null, int? DenseRank = null);
