using System.Buffers;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

/// <summary>
/// The store borrows its score buffer from the process-wide array pool. Other code in the host (JSON, embeddings, SDKs)
/// returns float arrays without clearing them; ranking must not depend on what they left behind.
/// </summary>
public sealed class EmbeddedChunkStorePoolTests
{
    private static KnowledgeChunk Chunk(string id, string text) =>
        new(id, id.Split('#')[0], "", "", text, "national", "https://example.org/", "テスト");

    [Fact]
    public void A_dirty_pooled_buffer_does_not_change_the_ranking()
    {
        var chunks = Enumerable.Range(0, 40).Select(i => Chunk($"filler{i:00}#01-1", $"社内の備品の話その{i}です。"))
            .Append(Chunk("passwords#01-1", "パスワードは12文字以上にします。"))
            .ToArray();
        var index = KnowledgeIndex.Build(chunks, JapaneseAnalyzer.Default, Bm25Parameters.Default, "pool");
        var store = EmbeddedChunkStore.From(index);
        var query = Bm25.EncodeQuery(JapaneseAnalyzer.Default.Analyze("パスワードは何文字").Select(t => new WeightedTerm(t, 1f)));

        for (int size = 16; size <= 1024; size *= 2)
        {
            float[] garbage = ArrayPool<float>.Shared.Rent(size);
            Array.Fill(garbage, 99f);
            ArrayPool<float>.Shared.Return(garbage);
        }
        var hits = store.Query(new ChunkQuery(query, null, ChunkFilter.None, 3, FusionOptions.Default));

        Assert.Equal("passwords#01-1", hits[0].Chunk.ChunkId);
        Assert.True(hits[0].Score < 99, $"score {hits[0].Score} carries a stale value");
    }
}
