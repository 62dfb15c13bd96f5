using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>The embedded store's leg of the store contract (always runs).</summary>
public sealed class EmbeddedStoreContractTests : ChunkStoreContract
{
    protected override Task<IChunkStore> CreateStoreAsync(bool withDense) => Task.FromResult<IChunkStore>(new EmbeddedChunkStore([]));

    [Fact] public Task 質問の語を含む文書が最上位に来る() => The_passage_sharing_the_question_terms_ranks_first();
    [Fact] public Task 疎ベクトルの点数はストア全体のIDFによるBM25() => Sparse_scores_are_bm25_with_idf_over_the_whole_store();
    [Fact] public Task 地域とテナントで絞り込む() => Region_and_tenant_filters_keep_only_the_users_scope();
    [Fact] public Task 件数の上限を守る() => The_limit_is_respected();
    [Fact] public Task 同じIDの登録は置き換えになる() => Upserting_a_chunk_id_again_replaces_the_passage();
    [Fact] public Task 空の検索は何も返さない() => An_empty_query_finds_nothing();
    [Fact] public Task ハイブリッド検索は基準のRRFと同じ結果() => Hybrid_results_equal_the_reference_rrf_fusion();
}
