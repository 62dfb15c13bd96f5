using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;
using Mamori.Knowledge.Qdrant;
using Qdrant.Client.Grpc;
using SparseVector = Mamori.Knowledge.Index.SparseVector;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>The requests sent to Qdrant, checked as data (no server needed).</summary>
public sealed class QdrantRequestShapeTests
{
    [Fact]
    public void コレクションは名前つき密ベクトルとIDF付きのbm25疎ベクトルを持つ()
    {
        var request = QdrantSchema.CreateRequest("kb", denseSize: 1536);

        Assert.Equal("kb", request.CollectionName);
        Assert.Equal(Modifier.Idf, request.SparseVectorsConfig.Map["bm25"].Modifier);
        var dense = request.VectorsConfig.ParamsMap.Map["dense"];
        Assert.Equal(1536ul, dense.Size);
        Assert.Equal(Distance.Cosine, dense.Distance);
        Assert.Equal(QdrantSchema.Version, request.Metadata[QdrantSchema.SchemaVersionKey].IntegerValue);
    }

    [Fact]
    public void 埋め込みがなければ疎ベクトルだけのコレクション()
    {
        var request = QdrantSchema.CreateRequest("kb", denseSize: null);

        Assert.Null(request.VectorsConfig);
        Assert.True(request.SparseVectorsConfig.Map.ContainsKey("bm25"));
    }

    [Fact]
    public void テナントはテナント用キーワード索引_他の絞り込み項目もキーワード索引()
    {
        var indexes = QdrantSchema.PayloadIndexes.ToDictionary(i => i.Field, i => i.Params);

        Assert.True(indexes["tenant"].KeywordIndexParams.IsTenant);
        Assert.Equal(["tenant", "region", "doc_id", "chunk_id"], indexes.Keys);
        Assert.All(indexes.Values, p => Assert.NotNull(p.KeywordIndexParams));
    }

    [Fact]
    public void 疎ベクトルだけの検索はbm25を使い外側で絞り込む()
    {
        var query = new ChunkQuery(new SparseVector([3, 9], [1f, 0.7f]), null, ChunkFilter.For("tokyo", "chamber-a"), 5, FusionOptions.Default);

        var plan = QdrantQueryPlan.For(query);

        Assert.Equal("bm25", plan.Using);
        Assert.Null(plan.Prefetch);
        Assert.Equal((Query)(new[] { 1f, 0.7f }, new uint[] { 3, 9 }), plan.Query);
        Assert.Equal(2, plan.Filter!.Must.Count);
        Assert.Equal(13ul, plan.Limit);   // 5 + slack for re-ordering ties by chunk id
    }

    [Fact]
    public void ハイブリッド検索は各プリフェッチに絞り込みを付けRRFの定数と重みを渡す()
    {
        var query = new ChunkQuery(new SparseVector([3], [1f]), new float[] { 0.6f, 0.8f }, ChunkFilter.For("tokyo", null), 5, new FusionOptions(K: 61, SparseWeight: 1, DenseWeight: 0.5));

        var plan = QdrantQueryPlan.For(query);

        Assert.Equal(2, plan.Prefetch!.Count);
        Assert.Equal(["bm25", "dense"], plan.Prefetch.Select(p => p.Using));
        Assert.All(plan.Prefetch, p => Assert.Equal(40ul, p.Limit));   // max(40, 4 × 5)
        Assert.All(plan.Prefetch, p => Assert.Equal(plan.Filter, p.Filter));
        Assert.NotNull(plan.Filter);
        Assert.Equal(61u, plan.Query.Rrf.K);
        Assert.Equal([1f, 0.5f], plan.Query.Rrf.Weights);
        Assert.True(plan.Limit <= 40ul);
    }

    [Fact]
    public void 絞り込みがなければフィルターを送らない() =>
        Assert.Null(QdrantQueryPlan.ToFilter(ChunkFilter.None));

    [Fact]
    public void 既存コレクションの不足と不一致を見分ける()
    {
        var info = new CollectionInfo
        {
            Config = new CollectionConfig
            {
                Params = new CollectionParams
                {
                    SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = new SparseVectorParams() } },
                    VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { ["dense"] = new VectorParams { Size = 768 } } } },
                },
            },
            PayloadSchema = { ["tenant"] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword } },
        };

        var problems = QdrantSchema.Incompatibilities(info, denseSize: 1536);

        Assert.Contains(problems, p => p.Contains("IDF"));
        Assert.Contains(problems, p => p.Contains("768") && p.Contains("1536"));
        Assert.Equal(["region", "doc_id", "chunk_id"], QdrantSchema.MissingIndexes(info).Select(i => i.Field));
        Assert.Equal(0, QdrantSchema.StoredVersion(info));   // no metadata: a pre-versioning collection, migrated on start
    }

    [Fact]
    public void 点のIDはチャンクIDから決まり本文と出典を持ち帰れる()
    {
        var chunk = new KnowledgeChunk("bec#02-1", "bec", "振込先変更", "確認", "電話で確かめる。", "national", "https://example.org/bec", "IPA");
        var point = QdrantPayload.ToPoint(new IndexedChunk(chunk, new SparseVector([1, 2], [0.5f, 0.9f])), collectionHasDense: false);

        Assert.Equal(chunk.PointId.ToString(), point.Id.Uuid);
        Assert.Equal(QdrantPayload.ToPoint(new IndexedChunk(chunk, SparseVector.Empty), false).Id, point.Id);
        var scored = new ScoredPoint { Id = point.Id, Score = 1 };
        scored.Payload.Add(point.Payload);
        Assert.Equal(chunk, QdrantPayload.ToChunk(scored));
    }

    [Fact]
    public void 密ベクトルのないコレクションに密ベクトルは入れない()
    {
        var chunk = new KnowledgeChunk("a#01-1", "a", "t", "s", "x", "national", "u", "p");
        var error = Assert.Throws<InvalidOperationException>(() =>
            QdrantPayload.ToPoint(new IndexedChunk(chunk, SparseVector.Empty, new float[] { 1f }), collectionHasDense: false));
        Assert.Contains("a#01-1", error.Message);
    }
}
