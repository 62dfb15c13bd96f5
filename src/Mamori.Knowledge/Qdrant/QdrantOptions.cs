using System.ComponentModel.DataAnnotations;

namespace Mamori.Knowledge.Qdrant;

/// <summary>Production knowledge store. Unset <see cref="Url"/>: the embedded in-process store is used.</summary>
public sealed class QdrantOptions
{
    public const string Section = "Knowledge:Qdrant";

    /// <summary>gRPC endpoint, e.g. http://localhost:6334 (not the REST port 6333).</summary>
    [Url] public string? Url { get; set; }

    public string? ApiKey { get; set; }

    [Required, RegularExpression("^[A-Za-z0-9_-]{1,255}$", ErrorMessage = "Knowledge:Qdrant:Collection may contain letters, digits, '-' and '_' only.")]
    public string Collection { get; set; } = "mamori-knowledge";

    /// <summary>Points per upsert call: small enough to stay well under gRPC's 4 MB message limit with 3072-float vectors.</summary>
    [Range(1, 1000)] public int UpsertBatchSize { get; set; } = 64;

    /// <summary>Dense vector size used when the embedding model's dimensions are not configured (text-embedding-3-large).</summary>
    [Range(1, 8192)] public int DefaultDenseSize { get; set; } = 3072;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
