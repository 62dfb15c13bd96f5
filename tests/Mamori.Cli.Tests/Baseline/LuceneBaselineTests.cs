using Mamori.Cli.Baseline;
using Mamori.Knowledge.Documents;

namespace Mamori.Cli.Tests.Baseline;

public sealed class LuceneBaselineTests
{
    private static KnowledgeChunk C(string id, string text) => new(id, id.Split('#')[0], "", "", text, "national", "https://example.org/", "テスト");

    [Fact]
    public void Uses_the_stock_CJK_bigram_analysis()
    {
        using var lucene = new LuceneBaseline([C("a#01-1", "x")]);
        Assert.Equal(["パス", "スワ", "ワー", "ード", "ドは", "12", "文字", "字以", "以上"], lucene.Tokens("パスワードは12文字以上"));
        Assert.Equal(["セキ", "キュ", "ュリ", "リテ", "ティ", "usb"], lucene.Tokens("ｾｷｭﾘﾃｨ ＵＳＢ"));
    }

    [Fact]
    public void Ranks_the_passage_that_shares_the_most_bigrams_first()
    {
        using var lucene = new LuceneBaseline([
            C("bec#01-1", "振込先の口座変更は電話で確認する"),
            C("backup#01-1", "バックアップを社外に保管する"),
        ]);
        var hits = lucene.Search("口座変更のメール", 5);
        Assert.Equal("bec#01-1", hits[0].Chunk.ChunkId);
        Assert.Single(hits);
    }
}
