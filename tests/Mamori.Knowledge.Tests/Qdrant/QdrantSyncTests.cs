using Mamori.Knowledge.Answering;
using Mamori.Knowledge.Index;
using Mamori.Knowledge.Qdrant;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>Start-up in Qdrant mode: upload the real knowledge index once, and not again while its content is unchanged.</summary>
public sealed class QdrantSyncTests
{
    private readonly FakeQdrantTransport _transport = new();
    private readonly Dictionary<string, Value> _metadata = [];
    private readonly Dictionary<string, PayloadSchemaInfo> _indexes = [];
    private bool _exists;

    public QdrantSyncTests()
    {
        var ok = new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } };
        _transport
            .On<CollectionExistsRequest>("qdrant.Collections/CollectionExists", _ => new CollectionExistsResponse { Result = new CollectionExists { Exists = _exists } })
            .On<CreateCollection>("qdrant.Collections/Create", r =>
            {
                _exists = true;
                foreach (var (k, v) in r.Metadata)
                    _metadata[k] = v;
                return new CollectionOperationResponse { Result = true };
            })
            .On<UpdateCollection>("qdrant.Collections/Update", r =>
            {
                foreach (var (k, v) in r.Metadata)
                    _metadata[k] = v;   // Qdrant merges metadata keys
                return new CollectionOperationResponse { Result = true };
            })
            .On<GetCollectionInfoRequest>("qdrant.Collections/Get", _ =>
            {
                var info = new CollectionInfo
                {
                    Config = new CollectionConfig
                    {
                        Params = new CollectionParams { SparseVectorsConfig = new SparseVectorConfig { Map = { ["bm25"] = new SparseVectorParams { Modifier = Modifier.Idf } } } },
                    },
                };
                info.Config.Metadata.Add(_metadata);
                info.PayloadSchema.Add(_indexes);
                return new GetCollectionInfoResponse { Result = info };
            })
            .On<CreateFieldIndexCollection>("qdrant.Points/CreateFieldIndex", r =>
            {
                _indexes[r.FieldName] = new PayloadSchemaInfo { DataType = PayloadSchemaType.Keyword };
                return ok;
            })
            .On<UpsertPoints>("qdrant.Points/Upsert", _ => ok)
            .On<DeletePoints>("qdrant.Points/Delete", _ => ok);
    }

    private KnowledgeBase Base(string data) => new(
        KnowledgeFixture.Content,
        new KnowledgeSourceOptions { DataPath = data },
        RetrievalOptions.Default,
        new QdrantOptions { Url = "http://localhost:6334" },
        embedder: null, "sparse-only", denseSize: null, NullLoggerFactory.Instance)
    {
        QdrantClientFactory = _ => new QdrantClient(new QdrantGrpcClient(_transport)),
    };

    [Fact]
    public async Task 初回は索引全体を送り古い点を消して内容ハッシュを記録し_二回目は送らない()
    {
        var data = Path.Combine(Path.GetTempPath(), "mamori-qdrant-sync", Guid.NewGuid().ToString("n"));

        var retriever = await Base(data).GetRetrieverAsync(CancellationToken.None);

        var uploaded = _transport.Requests<UpsertPoints>("qdrant.Points/Upsert").Sum(u => u.Points.Count);
        Assert.Equal(retriever.Index.IndexedChunks.Count, uploaded);
        var delete = Assert.Single(_transport.Requests<DeletePoints>("qdrant.Points/Delete"));
        Assert.Equal(uploaded, delete.Points.Filter.MustNot.Single().Field.Match.Keywords.Strings.Count);
        Assert.Equal($"{retriever.Index.ContentHash}|sparse-only", _metadata[QdrantSchema.ContentHashKey].StringValue);
        Assert.Equal(QdrantSchema.Version, _metadata[QdrantSchema.SchemaVersionKey].IntegerValue);

        _transport.Calls.Clear();
        await Base(data).GetRetrieverAsync(CancellationToken.None);

        Assert.Empty(_transport.Requests<UpsertPoints>("qdrant.Points/Upsert"));
        Assert.Empty(_transport.Requests<CreateCollection>("qdrant.Collections/Create"));
    }
}
