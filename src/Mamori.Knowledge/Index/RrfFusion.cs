using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Index;

/// <summary>
/// Reciprocal rank fusion exactly as Qdrant documents it: score(d) = Σ_i w_i / (k + rank0_i(d)), ranks zero-based.
/// Ties break by ordinal chunk id so both stores order equal scores the same way.
/// </summary>
public static class RrfFusion
{
    public static IReadOnlyList<ChunkHit> Fuse(
        IReadOnlyList<KnowledgeChunk> sparseRanked,
        IReadOnlyList<KnowledgeChunk> denseRanked,
        FusionOptions options,
        int limit)
    {
        var fused = new Dictionary<string, (KnowledgeChunk Chunk, double Score, int? Sparse, int? Dense)>(StringComparer.Ordinal);
        for (int rank = 0; rank < sparseRanked.Count; rank++)
        {
            var chunk = sparseRanked[rank];
            fused[chunk.ChunkId] = (chunk, options.SparseWeight / (options.K + rank), rank, null);
        }
        for (int rank = 0; rank < denseRanked.Count; rank++)
        {
            var chunk = denseRanked[rank];
            double add = options.DenseWeight / (options.K + rank);
            fused[chunk.ChunkId] = fused.TryGetValue(chunk.ChunkId, out var seen)
                ? (seen.Chunk, seen.Score + add, seen.Sparse, rank)
                : (chunk, add, null, rank);
        }
        return [.. fused.Values
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(limit)
            .Select(f => new ChunkHit(f.Chunk, f.Score, f.Sparse, f.Dense))];
    }
}
