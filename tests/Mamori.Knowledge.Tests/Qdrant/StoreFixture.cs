using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Qdrant;

/// <summary>Passages for the store contract: several topics, two regions, two tenants, with dense vectors.</summary>
internal static class StoreFixture
{
    public const int DenseSize = 16;

    public static readonly KnowledgeChunk[] Chunks =
    [
        new("ransom#01-1", "ransom", "ランサムウェアに感染したら", "すぐにやること", "ネットワークから外し、電源は切らずに専門家へ連絡します。", "national", "https://example.org/ransom", "IPA"),
        new("ransom#02-1", "ransom", "ランサムウェアに感染したら", "身代金", "身代金は払わないでください。払ってもデータが戻る保証はありません。", "national", "https://example.org/ransom", "IPA"),
        new("bec#01-1", "bec", "振込先口座の変更依頼メール", "確認", "振込先の変更はメール以外の方法で取引先に確認します。", "national", "https://example.org/bec", "IPA"),
        new("password#01-1", "password", "パスワードの決め方", "長さ", "パスワードは12文字以上にし、使い回しません。", "national", "https://example.org/password", "IPA"),
        new("tokyo-subsidy#01-1", "tokyo-subsidy", "東京都のセキュリティ助成金", "対象", "都内の中小企業がセキュリティ機器を導入する費用の一部を助成します。", "tokyo", "https://example.org/tokyo", "東京都"),
        new("osaka-subsidy#01-1", "osaka-subsidy", "大阪府のセキュリティ助成金", "対象", "府内の中小企業がセキュリティ機器を導入する費用の一部を助成します。", "osaka", "https://example.org/osaka", "大阪府"),
        new("chamber-a#01-1", "chamber-a", "A商工会議所のセキュリティ相談会", "日程", "毎月第一水曜日にセキュリティ相談会を開きます。", "national", "https://example.org/a", "A", "chamber-a"),
        new("chamber-b#01-1", "chamber-b", "B商工会議所のセキュリティ相談会", "日程", "毎月第三金曜日にセキュリティ相談会を開きます。", "national", "https://example.org/b", "B", "chamber-b"),
    ];

    public static readonly KnowledgeIndex Index = KnowledgeIndex.Build(Chunks, JapaneseAnalyzer.Default, Bm25Parameters.Default, "contract");

    private static readonly QueryAnalyzer Analyzer = new(JapaneseAnalyzer.Default, SynonymDictionary.Empty, QueryAnalyzerOptions.Default);

    public static IReadOnlyList<IndexedChunk> WithDense =>
        [.. Index.IndexedChunks.Select(c => c with { Dense = Embed(c.Chunk.IndexedText) })];

    public static ChunkQuery Query(string question, ChunkFilter? filter = null, int limit = 5, bool dense = false) =>
        new(Analyzer.Analyze(question).ToSparseVector(), dense ? Embed(question) : (ReadOnlyMemory<float>?)null, filter ?? ChunkFilter.None, limit, FusionOptions.Default);

    /// <summary>A stand-in embedding: hashed character bigrams, L2-normalised (deterministic, so both stores see the same vectors).</summary>
    public static float[] Embed(string text)
    {
        var vector = new float[DenseSize];
        for (var i = 0; i + 1 < text.Length; i++)
            vector[(int)(TermHash.Of(text.Substring(i, 2)) % DenseSize)] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => norm == 0 ? 0 : v / norm)];
    }

    /// <summary>BM25 as the contract defines it, computed by hand: Σ q_t · IDF(t) · tfPart(t, d), IDF over all passages.</summary>
    public static double Bm25(SparseVector query, KnowledgeChunk chunk)
    {
        var doc = Index.IndexedChunks.Single(c => c.Chunk.ChunkId == chunk.ChunkId).Sparse;
        double score = 0;
        for (var i = 0; i < query.Count; i++)
        {
            var at = Array.IndexOf(doc.Indices, query.Indices[i]);
            if (at < 0)
                continue;
            var df = Index.IndexedChunks.Count(c => c.Sparse.Indices.Contains(query.Indices[i]));
            score += query.Values[i] * Mamori.Knowledge.Index.Bm25.Idf(Chunks.Length, df) * doc.Values[at];
        }

        return score;
    }
}
