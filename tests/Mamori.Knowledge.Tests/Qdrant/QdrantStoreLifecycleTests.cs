using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;
using Mamori.Knowledge.Qdrant;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using SparseVector = Mamori.Knowledge.Index.SparseVector;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>What the store asks Qdrant to do on start-up, upload and query — through the real client, with the network faked.</summary>
public sealed class QdrantStoreLifecycleTests
{
    private const string Collection = "mamori-knowledge";
    private readonly FakeQdrantTransport _transport = new();

    private QdrantChunkStore Store(int? denseSize = null, int batchSize = 64) => new(
        new QdrantClient(new QdrantGrpcClient(_transport)),
        new QdrantOptions { Url = "http://localhost:6334", Collection = Collection, UpsertBatchSize = batchSize },
        denseSize, NullLogger<QdrantChunkStore>.Instance);

    private FakeQdrantTransport Existing(CollectionInfo? info)
    {
        _transport
            .On<CollectionExistsRequest>("qdrant.Collections/CollectionExists", _ => new CollectionExistsResponse { Result = new CollectionExists { Exists = info is not null } })
            .On<CreateCollection>("qdrant.Collections/Create", _ => new CollectionOperationResponse { Result = true })
            .On<UpdateCollection>("qdrant.Collections/Update", _ => new CollectionOperationResponse { Result = true })
            .On<CreateFieldIndexCollection>("qdrant.Points/CreateFieldIndex", _ => new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } })
            .On<UpsertPoints>("qdrant.Points/Upsert", _ => new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } });
        if (info is not null)
            _transport.On<GetCollectionInfoRequest>("qdrant.Collections/Get", _ => new GetCollectionInfoResponse { Result = info });
        return _transport;
    }

    private static CollectionInfo Info(bool idf = true, int version = QdrantSchema.Version, params string[] indexed)
    {
        var info = new CollectionInfo
        {
            Config = new CollectionConfig
            {
                Params = new CollectionParams
                {
                    SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = idf ? new SparseVectorParams { Modifier = Modifier.Idf } : new SparseVectorParams() } },
                },
            },
        };
        if (version > 0)
            info.Config.Metadata[QdrantSchema.SchemaVersionKey] = version;
        foreach (var field in indexed)
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword };
        return info;
    }

    [Fact]
    public async Task 初回はコレクションと4つのキーワード索引を作る()
    {
        Existing(null);

        await Store(denseSize: 1024).EnsureCollectionAsync(CancellationToken.None);

        var create = Assert.Single(_transport.Requests<CreateCollection>("qdrant.Collections/Create"));
        Assert.Equal(QdrantSchema.CreateRequest(Collection, 1024), create);
        var indexes = _transport.Requests<CreateFieldIndexCollection>("qdrant.Points/CreateFieldIndex");
        Assert.Equal(["tenant", "region", "doc_id", "chunk_id"], indexes.Select(i => i.FieldName));
        Assert.All(indexes, i => Assert.Equal(FieldType.Keyword, i.FieldType));
        Assert.True(indexes[0].FieldIndexParams.KeywordIndexParams.IsTenant);
    }

    [Fact]
    public async Task 版のない古いコレクションは不足の索引を足し版を記録する()
    {
        Existing(Info(version: 0, indexed: "tenant"));

        await Store().EnsureCollectionAsync(CancellationToken.None);

        Assert.Empty(_transport.Requests<CreateCollection>("qdrant.Collections/Create"));
        Assert.Equal(["region", "doc_id", "chunk_id"],
            _transport.Requests<CreateFieldIndexCollection>("qdrant.Points/CreateFieldIndex").Select(i => i.FieldName));
        var update = Assert.Single(_transport.Requests<UpdateCollection>("qdrant.Collections/Update"));
        Assert.Equal(QdrantSchema.Version, update.Metadata[QdrantSchema.SchemaVersionKey].IntegerValue);
    }

    [Fact]
    public async Task 最新のコレクションには何も変更しない()
    {
        Existing(Info(indexed: ["tenant", "region", "doc_id", "chunk_id"]));

        await Store().EnsureCollectionAsync(CancellationToken.None);

        Assert.DoesNotContain(_transport.Calls, c => c.Method is "/qdrant.Collections/Create" or "/qdrant.Collections/Update" or "/qdrant.Points/CreateFieldIndex");
    }

    [Fact]
    public async Task IDFのない既存コレクションは設定名を示して止める()
    {
        Existing(Info(idf: false, indexed: ["tenant", "region", "doc_id", "chunk_id"]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store().EnsureCollectionAsync(CancellationToken.None));

        Assert.Contains("Knowledge:Qdrant:Collection", error.Message);
        Assert.Contains("IDF", error.Message);
    }

    [Fact]
    public async Task 登録はバッチに分け_チャンクIDから決まるIDで送る()
    {
        Existing(null);
        var chunks = Enumerable.Range(0, 130).Select(i => new IndexedChunk(
            new KnowledgeChunk($"doc#01-{i}", "doc", "題", "節", $"本文{i}", "national", "https://example.org", "P"),
            new SparseVector([(uint)i + 1], [1f]))).ToList();

        await Store(batchSize: 64).UpsertAsync(chunks, CancellationToken.None);

        var batches = _transport.Requests<UpsertPoints>("qdrant.Points/Upsert");
        Assert.Equal([64, 64, 2], batches.Select(b => b.Points.Count));
        Assert.All(batches, b => Assert.True(b.Wait));
        Assert.Equal(chunks[129].Chunk.PointId.ToString(), batches[2].Points[1].Id.Uuid);
        Assert.Equal("doc#01-129", batches[2].Points[1].Payload["chunk_id"].StringValue);
    }

    [Fact]
    public async Task 検索結果の同点はチャンクID順に並べ直して件数で切る()
    {
        QueryPoints? sent = null;
        _transport.On<QueryPoints>("qdrant.Points/Query", request =>
        {
            sent = request;
            var response = new QueryResponse();
            // Qdrant orders ties by point id; give them back in the "wrong" order for chunk ids.
            foreach (var id in new[] { "c#01-1", "b#01-1", "a#01-1" })
            {
                var point = QdrantPayload.ToPoint(new IndexedChunk(new KnowledgeChunk(id, id[..1], "t", "s", "x", "national", "u", "p"), SparseVector.Empty), false);
                var scored = new ScoredPoint { Id = point.Id, Score = 0.5f };
                scored.Payload.Add(point.Payload);
                response.Result.Add(scored);
            }
            return response;
        });

        var hits = await Store(denseSize: 2).QueryAsync(
            new ChunkQuery(new SparseVector([7], [1f]), new float[] { 0.6f, 0.8f }, ChunkFilter.For(null, "chamber-a"), 2, FusionOptions.Default),
            CancellationToken.None);

        Assert.Equal(["a#01-1", "b#01-1"], hits.Select(h => h.Chunk.ChunkId));
        Assert.Equal(2, sent!.Prefetch.Count);
        Assert.All(sent.Prefetch, p => Assert.Equal(sent.Filter, p.Filter));
        Assert.Equal(61u, sent.Query.Rrf.K);
        Assert.True(sent.WithPayload.Enable);
    }
}
