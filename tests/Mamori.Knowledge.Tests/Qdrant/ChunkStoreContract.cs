using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>
/// The retrieval contract every <see cref="IChunkStore"/> must keep (retrieval-contract.md), written once and run
/// against the embedded store and Qdrant. Each leg declares the tests with its own attribute (Fact / QdrantFact).
/// </summary>
public abstract class ChunkStoreContract
{
    protected abstract Task<IChunkStore> CreateStoreAsync(bool withDense);

    private async Task<IChunkStore> Filled(bool withDense)
    {
        var store = await CreateStoreAsync(withDense);
        await store.UpsertAsync(withDense ? StoreFixture.WithDense : StoreFixture.Index.IndexedChunks, CancellationToken.None);
        return store;
    }

    protected async Task The_passage_sharing_the_question_terms_ranks_first()
    {
        var store = await Filled(withDense: false);
        var hits = await store.QueryAsync(StoreFixture.Query("ランサムウェアの身代金は払うべき？"), CancellationToken.None);
        Assert.Equal("ransom#02-1", hits[0].Chunk.ChunkId);
        Assert.Equal("身代金は払わないでください。払ってもデータが戻る保証はありません。", hits[0].Chunk.Text);
        Assert.Equal("https://example.org/ransom", hits[0].Chunk.Url);
    }

    protected async Task Sparse_scores_are_bm25_with_idf_over_the_whole_store()
    {
        var store = await Filled(withDense: false);
        var query = StoreFixture.Query("セキュリティ助成金の対象");
        var hits = await store.QueryAsync(query, CancellationToken.None);
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
            Assert.Equal(StoreFixture.Bm25(query.Sparse, hit.Chunk), hit.Score, tolerance: 1e-3 * Math.Max(1, hit.Score));
        Assert.Equal(hits.OrderByDescending(h => h.Score).ThenBy(h => h.Chunk.ChunkId, StringComparer.Ordinal).Select(h => h.Chunk.ChunkId),
            hits.Select(h => h.Chunk.ChunkId));
    }

    protected async Task Region_and_tenant_filters_keep_only_the_users_scope()
    {
        var store = await Filled(withDense: false);
        var hits = await store.QueryAsync(
            StoreFixture.Query("セキュリティ助成金と相談会", ChunkFilter.For("tokyo", "chamber-a"), limit: 10), CancellationToken.None);
        var ids = hits.Select(h => h.Chunk.ChunkId).ToList();
        Assert.Contains("tokyo-subsidy#01-1", ids);
        Assert.Contains("chamber-a#01-1", ids);
        Assert.DoesNotContain("osaka-subsidy#01-1", ids);
        Assert.DoesNotContain("chamber-b#01-1", ids);
    }

    protected async Task The_limit_is_respected()
    {
        var store = await Filled(withDense: false);
        var hits = await store.QueryAsync(StoreFixture.Query("セキュリティ", limit: 2), CancellationToken.None);
        Assert.Equal(2, hits.Count);
    }

    protected async Task Upserting_a_chunk_id_again_replaces_the_passage()
    {
        var store = await Filled(withDense: false);
        var changed = StoreFixture.Index.IndexedChunks.Single(c => c.Chunk.ChunkId == "password#01-1");
        await store.UpsertAsync([changed with { Chunk = changed.Chunk with { Text = "パスワードは長く、使い回さない。" } }], CancellationToken.None);
        var hits = await store.QueryAsync(StoreFixture.Query("パスワードの長さ", limit: 10), CancellationToken.None);
        var password = Assert.Single(hits, h => h.Chunk.DocId == "password");
        Assert.Equal("パスワードは長く、使い回さない。", password.Chunk.Text);
    }

    protected async Task An_empty_query_finds_nothing()
    {
        var store = await Filled(withDense: false);
        Assert.Empty(await store.QueryAsync(new ChunkQuery(SparseVector.Empty, null, ChunkFilter.None, 5, FusionOptions.Default), CancellationToken.None));
    }

    protected async Task Hybrid_results_equal_the_reference_rrf_fusion()
    {
        var store = await Filled(withDense: true);
        var filter = ChunkFilter.For("tokyo", null);
        var query = StoreFixture.Query("ランサムウェアに感染したらどうする", filter, limit: 4, dense: true);

        var hits = await store.QueryAsync(query, CancellationToken.None);

        // Reference: each channel ranked independently over the same scope, fused by RrfFusion (zero-based ranks, same k).
        var scope = StoreFixture.WithDense.Where(c => filter.Matches(c.Chunk)).ToList();
        var sparseRanked = scope
            .Select(c => (c.Chunk, Score: StoreFixture.Bm25(query.Sparse, c.Chunk)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(query.PrefetchLimit).Select(x => x.Chunk).ToList();
        var denseQuery = query.Dense!.Value.ToArray();
        var denseRanked = scope
            .Select(c => (c.Chunk, Score: c.Dense!.Value.ToArray().Zip(denseQuery, (a, b) => a * b).Sum()))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(query.PrefetchLimit).Select(x => x.Chunk).ToList();
        var expected = RrfFusion.Fuse(sparseRanked, denseRanked, query.Fusion, query.Limit);

        Assert.Equal(expected.Select(h => h.Chunk.ChunkId), hits.Select(h => h.Chunk.ChunkId));
        Assert.Equal(expected.Select(h => h.Score), hits.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 1e-5);
    }
}
