using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

public sealed class RrfFusionTests
{
    private static KnowledgeChunk C(string id) => new(id, id, "", "", "", "national", "https://example.org/", "テスト");

    [Fact]
    public void Score_is_the_weighted_sum_of_reciprocal_zero_based_ranks()
    {
        var options = new FusionOptions(K: 2, SparseWeight: 1, DenseWeight: 0.5);
        var hits = RrfFusion.Fuse([C("a"), C("b")], [C("b"), C("c")], options, 10);
        var byId = hits.ToDictionary(h => h.Chunk.ChunkId);
        Assert.Equal(1.0 / 2, byId["a"].Score, 12);                 // sparse rank 0
        Assert.Equal(1.0 / 3 + 0.5 / 2, byId["b"].Score, 12);       // sparse rank 1, dense rank 0
        Assert.Equal(0.5 / 3, byId["c"].Score, 12);                 // dense rank 1
        Assert.Equal(["b", "a", "c"], hits.Select(h => h.Chunk.ChunkId));
        Assert.Equal((1, 0), (byId["b"].SparseRank, byId["b"].DenseRank));
    }

    [Fact]
    public void Ties_break_by_chunk_id()
    {
        var hits = RrfFusion.Fuse([C("z")], [C("a")], FusionOptions.Default, 10);
        Assert.Equal(["a", "z"], hits.Select(h => h.Chunk.ChunkId));
    }
}
