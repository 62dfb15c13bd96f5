using System.Buffers;
using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Index;

/// <summary>
/// The in-process store: an inverted index over the sparse vectors with exact BM25 (IDF applied at query time from the
/// store's own N and df, as Qdrant's IDF modifier does), optional brute-force cosine over dense vectors, RRF fusion.
/// Readers see an immutable snapshot; an upsert builds a new one and swaps it in.
/// </summary>
public sealed class EmbeddedChunkStore : IChunkStore
{
    private volatile PostingSnapshot _snapshot;

    public EmbeddedChunkStore(IEnumerable<IndexedChunk> chunks) => _snapshot = new PostingSnapshot(chunks);

    public static EmbeddedChunkStore From(KnowledgeIndex index) => new(index.IndexedChunks);

    public int Count => _snapshot.Chunks.Length;

    public Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        var merged = _snapshot.Chunks.ToDictionary(c => c.Chunk.ChunkId, StringComparer.Ordinal);
        foreach (var chunk in chunks)
            merged[chunk.Chunk.ChunkId] = chunk;
        _snapshot = new PostingSnapshot(merged.Values);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChunkHit>> QueryAsync(ChunkQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Query(query));

    public IReadOnlyList<ChunkHit> Query(ChunkQuery query)
    {
        var snapshot = _snapshot;
        if (query.Dense is null)
            return [.. snapshot.SearchSparse(query.Sparse, query.Filter, query.Limit).Select(h => new ChunkHit(h.Chunk, h.Score, h.Rank))];

        var sparse = snapshot.SearchSparse(query.Sparse, query.Filter, query.PrefetchLimit);
        var dense = snapshot.SearchDense(query.Dense.Value.Span, query.Filter, query.PrefetchLimit);
        return RrfFusion.Fuse([.. sparse.Select(h => h.Chunk)], dense, query.Fusion, query.Limit);
    }

    /// <summary>The naive baseline for `mamori bench`: score every passage by walking its own vector (no inverted index).</summary>
    public IReadOnlyList<ChunkHit> LinearScan(SparseVector query, int limit)
    {
        var snapshot = _snapshot;
        var scored = new List<(int Ordinal, float Score)>();
        for (int d = 0; d < snapshot.Chunks.Length; d++)
        {
            var doc = snapshot.Chunks[d].Sparse;
            float score = 0;
            for (int q = 0; q < query.Indices.Length; q++)
            {
                int at = Array.BinarySearch(doc.Indices, query.Indices[q]);
                if (at >= 0)
                    score += query.Values[q] * snapshot.Idf(query.Indices[q]) * doc.Values[at];
            }
            if (score > 0)
                scored.Add((d, score));
        }
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Ordinal).Take(limit)
            .Select((s, rank) => new ChunkHit(snapshot.Chunks[s.Ordinal].Chunk, s.Score, rank))];
    }

    private sealed class PostingSnapshot
    {
        private readonly Dictionary<uint, (int[] Docs, float[] Values)> _postings = [];

        public PostingSnapshot(IEnumerable<IndexedChunk> chunks)
        {
            // Ordinal chunk-id order: the position in this array is the tie-break, exactly as the contract says.
            Chunks = [.. chunks.OrderBy(c => c.Chunk.ChunkId, StringComparer.Ordinal)];
            // Two passes (count, then fill exact-size arrays): no list growth, so 100k passages build in one allocation per term.
            var frequency = new Dictionary<uint, int>();
            foreach (var chunk in Chunks)
            {
                foreach (uint term in chunk.Sparse.Indices)
                    frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
            var fill = new Dictionary<uint, int>(frequency.Count);
            foreach (var (term, count) in frequency)
            {
                _postings[term] = (new int[count], new float[count]);
                fill[term] = 0;
            }
            for (int d = 0; d < Chunks.Length; d++)
            {
                var vector = Chunks[d].Sparse;
                for (int t = 0; t < vector.Indices.Length; t++)
                {
                    uint term = vector.Indices[t];
                    var posting = _postings[term];
                    int at = System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(fill, term)++;
                    posting.Docs[at] = d;
                    posting.Values[at] = vector.Values[t];
                }
            }
        }

        public IndexedChunk[] Chunks { get; }

        public float Idf(uint term) =>
            (float)Bm25.Idf(Chunks.Length, _postings.TryGetValue(term, out var p) ? p.Docs.Length : 0);

        public List<(KnowledgeChunk Chunk, float Score, int Rank)> SearchSparse(SparseVector query, ChunkFilter filter, int limit)
        {
            float[] scores = ArrayPool<float>.Shared.Rent(Chunks.Length);
            // The shared pool hands out arrays other code returned without clearing: a stale score would rank a passage
            // the query never touched (and hide it from `touched`). Clearing our part costs ~20 µs at 100k passages.
            scores.AsSpan(0, Chunks.Length).Clear();
            int[] touched = ArrayPool<int>.Shared.Rent(Chunks.Length);
            int touchedCount = 0;
            try
            {
                for (int q = 0; q < query.Indices.Length; q++)
                {
                    if (!_postings.TryGetValue(query.Indices[q], out var posting))
                        continue;
                    float weight = query.Values[q] * (float)Bm25.Idf(Chunks.Length, posting.Docs.Length);
                    for (int p = 0; p < posting.Docs.Length; p++)
                    {
                        int d = posting.Docs[p];
                        if (scores[d] == 0)
                            touched[touchedCount++] = d;
                        scores[d] += weight * posting.Values[p];
                    }
                }
                return TopK(scores, touched.AsSpan(0, touchedCount), filter, limit);
            }
            finally
            {
                foreach (int d in touched.AsSpan(0, touchedCount))
                    scores[d] = 0;
                ArrayPool<float>.Shared.Return(scores);
                ArrayPool<int>.Shared.Return(touched);
            }
        }

        private List<(KnowledgeChunk, float, int)> TopK(float[] scores, ReadOnlySpan<int> touched, ChunkFilter filter, int limit)
        {
            // Keep the best `limit` (score desc, ordinal asc) with a small sorted buffer: limit is tiny next to touched.
            var best = new List<(int Doc, float Score)>(limit + 1);
            foreach (int d in touched)
            {
                float s = scores[d];
                if (best.Count == limit && !Better(s, d, best[^1]))
                    continue;
                if (!filter.Matches(Chunks[d].Chunk))
                    continue;
                int at = best.Count;
                while (at > 0 && Better(s, d, best[at - 1]))
                    at--;
                best.Insert(at, (d, s));
                if (best.Count > limit)
                    best.RemoveAt(best.Count - 1);
            }
            return [.. best.Select((b, rank) => (Chunks[b.Doc].Chunk, b.Score, rank))];
        }

        private static bool Better(float score, int doc, (int Doc, float Score) other) =>
            score > other.Score || (score == other.Score && doc < other.Doc);

        public List<KnowledgeChunk> SearchDense(ReadOnlySpan<float> query, ChunkFilter filter, int limit)
        {
            var scored = new List<(int Doc, float Score)>();
            for (int d = 0; d < Chunks.Length; d++)
            {
                if (Chunks[d].Dense is not { } dense || !filter.Matches(Chunks[d].Chunk))
                    continue;
                scored.Add((d, Cosine(query, dense.Span)));
            }
            return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Doc).Take(limit).Select(s => Chunks[s.Doc].Chunk)];
        }

        private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            if (a.Length != b.Length)
                return 0;
            float dot = 0, normA = 0, normB = 0;
            for (int i = 0; i < a.Length; i++)
            {
                dot += a[i] * b[i];
                normA += a[i] * a[i];
                normB += b[i] * b[i];
            }
            float norm = MathF.Sqrt(normA) * MathF.Sqrt(normB);
            return norm == 0 ? 0 : dot / norm;
        }
    }
}
