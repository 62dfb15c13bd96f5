using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;
using Qdrant.Client.Grpc;

namespace Mamori.Knowledge.Qdrant;

/// <summary>Maps passages to Qdrant points and back. Point id = <see cref="KnowledgeChunk.PointId"/> (deterministic from the chunk id).</summary>
internal static class QdrantPayload
{
    public static PointStruct ToPoint(IndexedChunk indexed, bool collectionHasDense)
    {
        var chunk = indexed.Chunk;
        var vectors = new Dictionary<string, Vector>();
        if (indexed.Sparse.Count > 0)
            vectors[QdrantSchema.SparseVector] = (indexed.Sparse.Values, indexed.Sparse.Indices);
        if (indexed.Dense is { } dense)
        {
            if (!collectionHasDense)
                throw new InvalidOperationException(
                    $"Chunk '{chunk.ChunkId}' has a dense vector but the Qdrant collection was created without one; delete the collection or configure the same embedding model.");
            vectors[QdrantSchema.DenseVector] = dense.ToArray();
        }

        return new PointStruct
        {
            Id = chunk.PointId,
            Vectors = vectors,
            Payload =
            {
                ["chunk_id"] = chunk.ChunkId,
                ["doc_id"] = chunk.DocId,
                ["title"] = chunk.Title,
                ["section"] = chunk.Section,
                ["text"] = chunk.Text,
                ["region"] = chunk.Region,
                ["url"] = chunk.Url,
                ["publisher"] = chunk.Publisher,
                ["tenant"] = chunk.Tenant,
            },
        };
    }

    public static KnowledgeChunk ToChunk(ScoredPoint point)
    {
        string Get(string key) => point.Payload.TryGetValue(key, out var v) ? v.StringValue : "";
        return new KnowledgeChunk(Get("chunk_id"), Get("doc_id"), Get("title"), Get("section"), Get("text"),
            Get("region"), Get("url"), Get("publisher"), Get("tenant"));
    }
}
