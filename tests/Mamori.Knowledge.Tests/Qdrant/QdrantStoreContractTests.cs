using Mamori.Knowledge.Index;
using Mamori.Knowledge.Qdrant;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>Qdrant's leg of the store contract: runs against a live server when QDRANT_URL is set, else skipped with the reason.</summary>
public sealed class QdrantStoreContractTests : ChunkStoreContract, IAsyncLifetime
{
    private readonly List<string> _collections = [];
    private QdrantClient? _client;

    public Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(QdrantFactAttribute.Variable) is { Length: > 0 } url)
            _client = new QdrantClient(new Uri(url));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var collection in _collections)
            await _client!.DeleteCollectionAsync(collection);
        _client?.Dispose();
    }

    protected override async Task<IChunkStore> CreateStoreAsync(bool withDense)
    {
        var options = new QdrantOptions { Url = Environment.GetEnvironmentVariable(QdrantFactAttribute.Variable), Collection = $"mamori-test-{Guid.NewGuid():n}" };
        _collections.Add(options.Collection);
        var store = new QdrantChunkStore(_client!, options, withDense ? StoreFixture.DenseSize : null, NullLogger<QdrantChunkStore>.Instance);
        await store.EnsureCollectionAsync(CancellationToken.None);
        await store.EnsureCollectionAsync(CancellationToken.None);   // idempotent: a second start changes nothing
        return store;
    }

    [QdrantFact] public Task 質問の語を含む文書が最上位に来る() => The_passage_sharing_the_question_terms_ranks_first();
    [QdrantFact] public Task 疎ベクトルの点数はストア全体のIDFによるBM25() => Sparse_scores_are_bm25_with_idf_over_the_whole_store();
    [QdrantFact] public Task 地域とテナントで絞り込む() => Region_and_tenant_filters_keep_only_the_users_scope();
    [QdrantFact] public Task 件数の上限を守る() => The_limit_is_respected();
    [QdrantFact] public Task 同じIDの登録は置き換えになる() => Upserting_a_chunk_id_again_replaces_the_passage();
    [QdrantFact] public Task 空の検索は何も返さない() => An_empty_query_finds_nothing();
    [QdrantFact] public Task ハイブリッド検索は基準のRRFと同じ結果() => Hybrid_results_equal_the_reference_rrf_fusion();

    [QdrantFact]
    public async Task コレクションは版と索引を記録し古い版から移行する()
    {
        var store = (QdrantChunkStore)await CreateStoreAsync(withDense: false);
        var info = await _client!.GetCollectionInfoAsync(store.Collection);
        Assert.Equal(QdrantSchema.Version, QdrantSchema.StoredVersion(info));
        Assert.Empty(QdrantSchema.MissingIndexes(info));

        await store.SetContentHashAsync("abc", CancellationToken.None);
        Assert.Equal("abc", await store.GetContentHashAsync(CancellationToken.None));
    }
}
