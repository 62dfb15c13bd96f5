using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

public sealed class EmbeddedChunkStoreTests
{
    private static KnowledgeChunk Chunk(string id, string text, string region = "national", string tenant = KnowledgeChunk.SharedTenant) =>
        new(id, id.Split('#')[0], "", "", text, region, "https://example.org/", "テスト", tenant);

    private static readonly KnowledgeChunk[] Fixture =
    [
        Chunk("bec#01-1", "振込先の変更はメールではなく電話で確認します。"),
        Chunk("backup#01-1", "バックアップは社外にも保管します。"),
        Chunk("tokyo-aid#01-1", "東京都の助成金でバックアップ機器を買えます。", region: "tokyo"),
        Chunk("acme-rule#01-1", "当社では振込先の変更を二人で確認します。", tenant: "acme"),
    ];

    private static KnowledgeIndex Index() => KnowledgeIndex.Build(Fixture, JapaneseAnalyzer.Default, Bm25Parameters.Default, "fixture");

    private static SparseVector Query(string text) =>
        Bm25.EncodeQuery(JapaneseAnalyzer.Default.Analyze(text).Select(t => new WeightedTerm(t, 1f)));

    [Fact]
    public void Scores_are_exact_BM25_with_idf_from_the_store()
    {
        var index = Index();
        var store = EmbeddedChunkStore.From(index);
        var query = Query("振込先の確認");
        var hits = store.Query(new ChunkQuery(query, null, ChunkFilter.None, 10, FusionOptions.Default));

        foreach (var hit in hits)
        {
            var doc = index.Find(hit.Chunk.ChunkId)!.Sparse;
            double expected = 0;
            foreach (uint term in query.Indices)
            {
                int at = Array.IndexOf(doc.Indices, term);
                if (at >= 0)
                    expected += index.Statistics.Idf(term) * doc.Values[at];
            }
            Assert.Equal(expected, hit.Score, 3);
        }
        Assert.Equal(["acme-rule#01-1", "bec#01-1"], hits.Take(2).Select(h => h.Chunk.ChunkId).Order());
    }

    [Fact]
    public void Region_and_tenant_filters_hide_other_peoples_passages()
    {
        var store = EmbeddedChunkStore.From(Index());
        var osaka = store.Query(new ChunkQuery(Query("バックアップ 助成金"), null, ChunkFilter.For("osaka", "other"), 10, FusionOptions.Default));
        Assert.DoesNotContain(osaka, h => h.Chunk.Region == "tokyo");
        Assert.DoesNotContain(osaka, h => h.Chunk.Tenant == "acme");
        var tokyo = store.Query(new ChunkQuery(Query("バックアップ 助成金"), null, ChunkFilter.For("tokyo", "acme"), 10, FusionOptions.Default));
        Assert.Equal("tokyo-aid#01-1", tokyo[0].Chunk.ChunkId);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_chunk_id()
    {
        var store = new EmbeddedChunkStore([
            new IndexedChunk(Chunk("b#01-1", "同じ"), Bm25.EncodeDocument(["同じ"], 1, Bm25Parameters.Default)),
            new IndexedChunk(Chunk("a#01-1", "同じ"), Bm25.EncodeDocument(["同じ"], 1, Bm25Parameters.Default)),
        ]);
        var hits = store.Query(new ChunkQuery(Query("同じ"), null, ChunkFilter.None, 5, FusionOptions.Default));
        Assert.Equal(["a#01-1", "b#01-1"], hits.Select(h => h.Chunk.ChunkId));
    }

    [Fact]
    public void The_inverted_index_ranks_exactly_like_a_linear_scan_of_the_real_knowledge()
    {
        var store = EmbeddedChunkStore.From(KnowledgeFixture.Retriever.Index);
        foreach (var question in new[] { "取引先から振込先を変えたとメールが来た", "パスワードは何文字必要？", "ランサムウェアに感染したら" })
        {
            var query = KnowledgeFixture.Retriever.Analyze(question).ToSparseVector();
            var indexed = store.Query(new ChunkQuery(query, null, ChunkFilter.None, 10, FusionOptions.Default));
            var scanned = store.LinearScan(query, 10);
            Assert.Equal(scanned.Select(h => h.Chunk.ChunkId), indexed.Select(h => h.Chunk.ChunkId));
        }
    }

    [Fact]
    public async Task Upsert_replaces_a_passage_by_chunk_id()
    {
        var store = EmbeddedChunkStore.From(Index());
        var replaced = Chunk("backup#01-1", "テープに保存します。");
        await store.UpsertAsync([new IndexedChunk(replaced, Bm25.EncodeDocument(JapaneseAnalyzer.Default.Analyze(replaced.Text), 10, Bm25Parameters.Default))], default);
        Assert.Equal(Fixture.Length, store.Count);
        var hits = await store.QueryAsync(new ChunkQuery(Query("テープ"), null, ChunkFilter.None, 5, FusionOptions.Default), default);
        Assert.Equal("backup#01-1", hits[0].Chunk.ChunkId);
        Assert.DoesNotContain(hits, h => h.Chunk.Text.Contains("社外"));
    }
}
