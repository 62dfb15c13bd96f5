using Qdrant.Client.Grpc;

namespace Mamori.Knowledge.Qdrant;

/// <summary>
/// The collection layout, as pure request objects so unit tests can check the shape without a server.
/// Versioning: the collection's own metadata (Qdrant 1.16+) carries <see cref="SchemaVersionKey"/> and the knowledge
/// index's content hash, so start-up can tell "same schema, same content" from "migrate" or "re-upload".
/// </summary>
public static class QdrantSchema
{
    /// <summary>Bump when the collection layout changes in a way that needs a migration step (see QdrantCollectionMigrator).</summary>
    public const int Version = 1;

    public const string SchemaVersionKey = "mamori_schema_version";
    public const string ContentHashKey = "mamori_content_hash";
    public const string DenseVector = "dense";
    public const string SparseVector = "bm25";

    /// <summary>Keyword indexes for every field we filter on. Tenant is the tenant key (co-locates a tenant's points).</summary>
    public static IReadOnlyList<(string Field, PayloadIndexParams Params)> PayloadIndexes { get; } =
    [
        ("tenant", new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } }),
        ("region", new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams() }),
        ("doc_id", new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams() }),
        ("chunk_id", new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams() }),
    ];

    /// <param name="denseSize">Null when no embedding model is configured: the collection is sparse-only.</param>
    public static CreateCollection CreateRequest(string collection, int? denseSize)
    {
        var request = new CreateCollection
        {
            CollectionName = collection,
            SparseVectorsConfig = new SparseVectorConfig
            {
                // IDF is applied by Qdrant at query time over the whole collection; documents carry the BM25 TF part.
                Map = { [SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } },
            },
            Metadata = { [SchemaVersionKey] = Version },
        };
        if (denseSize is { } size)
        {
            request.VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap { Map = { [DenseVector] = new VectorParams { Size = (ulong)size, Distance = Distance.Cosine } } },
            };
        }

        return request;
    }

    /// <summary>What is wrong with an existing collection that cannot be fixed in place (empty when it is usable).</summary>
    public static IReadOnlyList<string> Incompatibilities(CollectionInfo info, int? denseSize)
    {
        var problems = new List<string>();
        var parameters = info.Config.Params;
        if (!parameters.SparseVectorsConfig.Map.TryGetValue(SparseVector, out var sparse))
            problems.Add($"it has no sparse vector '{SparseVector}'");
        else if (sparse.Modifier != Modifier.Idf)
            problems.Add($"its sparse vector '{SparseVector}' lacks the IDF modifier");

        var dense = parameters.VectorsConfig?.ParamsMap?.Map;
        if (denseSize is { } size)
        {
            if (dense is null || !dense.TryGetValue(DenseVector, out var vector))
                problems.Add($"it has no dense vector '{DenseVector}' but an embedding model is configured");
            else if (vector.Size != (ulong)size)
                problems.Add($"its dense vector '{DenseVector}' has size {vector.Size}, the embedding model gives {size}");
        }

        return problems;
    }

    /// <summary>Payload indexes missing from an existing collection (they can be added in place).</summary>
    public static IReadOnlyList<(string Field, PayloadIndexParams Params)> MissingIndexes(CollectionInfo info) =>
        [.. PayloadIndexes.Where(index => !info.PayloadSchema.ContainsKey(index.Field))];

    public static int StoredVersion(CollectionInfo info) =>
        info.Config.Metadata.TryGetValue(SchemaVersionKey, out var value) && value.KindCase == Value.KindOneofCase.IntegerValue
            ? (int)value.IntegerValue
            : 0;

    public static string? StoredContentHash(CollectionInfo info) =>
        info.Config.Metadata.TryGetValue(ContentHashKey, out var value) && value.KindCase == Value.KindOneofCase.StringValue
            ? value.StringValue
            : null;
}
