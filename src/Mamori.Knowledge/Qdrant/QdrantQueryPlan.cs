using Mamori.Knowledge.Index;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Mamori.Knowledge.Qdrant;

/// <summary>
/// One Qdrant query, built from our <see cref="ChunkQuery"/> as plain data (unit-tested without a server).
/// Sparse only: a single BM25 query on "bm25". Hybrid: two prefetches (sparse, then dense), each with the scope filter,
/// fused by Qdrant's parameterised RRF with the same k and weights as <see cref="RrfFusion"/>.
/// </summary>
/// <param name="Limit">A few more than asked for, so equal scores can be re-ordered by chunk id before trimming.</param>
internal sealed record QdrantQueryPlan(Query Query, IReadOnlyList<PrefetchQuery>? Prefetch, string? Using, Filter? Filter, ulong Limit)
{
    /// <summary>Extra hits fetched beyond the limit; Qdrant breaks ties by point id, we break them by chunk id.</summary>
    public const int TieSlack = 8;

    public static QdrantQueryPlan For(ChunkQuery query)
    {
        var filter = ToFilter(query.Filter);
        Query sparse = (query.Sparse.Values, query.Sparse.Indices);
        if (query.Dense is not { Length: > 0 } dense)   // an empty vector (e.g. from a null array) means no dense query
            return new QdrantQueryPlan(sparse, null, QdrantSchema.SparseVector, filter, (ulong)(query.Limit + TieSlack));

        var depth = (ulong)query.PrefetchLimit;
        var prefetch = new List<PrefetchQuery>
        {
            // The filter goes on every prefetch: the outer filter is not documented to reach them.
            new() { Query = sparse, Using = QdrantSchema.SparseVector, Limit = depth },
            new() { Query = dense.ToArray(), Using = QdrantSchema.DenseVector, Limit = depth },
        };
        if (filter is not null)
        {
            foreach (var p in prefetch)
                p.Filter = filter;
        }

        // Weights follow the prefetch order: sparse first, dense second.
        var rrf = new Rrf { K = (uint)query.Fusion.K, Weights = { (float)query.Fusion.SparseWeight, (float)query.Fusion.DenseWeight } };
        var limit = (ulong)Math.Min(query.Limit + TieSlack, query.PrefetchLimit);
        return new QdrantQueryPlan(rrf, prefetch, null, filter, limit);
    }

    /// <summary>Points whose chunk id is not one of <paramref name="chunkIds"/>.</summary>
    public static Filter AllExcept(IReadOnlyList<string> chunkIds) => !Match("chunk_id", chunkIds.ToList());

    /// <summary>Null when the filter restricts nothing. A point passes when its region and its tenant are each in their lists.</summary>
    public static Filter? ToFilter(ChunkFilter filter)
    {
        Filter? result = null;
        if (filter.Regions is { } regions)
            result = Match("region", regions.ToList());
        if (filter.Tenants is { } tenants)
        {
            Filter tenantFilter = Match("tenant", tenants.ToList());
            result = result is null ? tenantFilter : result & tenantFilter;
        }

        return result;
    }
}
