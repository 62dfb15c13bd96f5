using Mamori.Knowledge.Answering;
using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>How a model's answer is checked against the passages it was given.</summary>
public sealed class LlmAnswerCheckTests
{
    private static readonly KnowledgeChunk[] Passages =
    [
        new("bec#01-1", "bec", "振込先変更メール", "確認", "…", "national", "https://example.org/bec", "IPA"),
        new("bec#02-1", "bec", "振込先変更メール", "社内", "…", "national", "https://example.org/bec", "IPA"),
        new("backup#01-1", "backup", "バックアップ", "頻度", "…", "national", "https://example.org/backup", "IPA"),
    ];

    [Fact]
    public void 同じ文書の資料は一つの出典番号にまとめる()
    {
        var check = LlmAnswerCheck.Check("電話で確かめます[1][2]。バックアップも取ります[3]。", Passages);

        Assert.Equal(LlmVerdict.Grounded, check.Verdict);
        Assert.Equal("電話で確かめます[1]。バックアップも取ります[2]。", check.Text);
        Assert.Equal(["bec", "backup"], check.Citations.Citations.Select(c => c.DocId));
    }

    [Theory]
    [InlineData("電話で確かめます【1】。", "電話で確かめます[1]。")]
    [InlineData("電話で確かめます[1, 3]。", "電話で確かめます[1][2]。")]
    [InlineData("電話で確かめます。[3]", "電話で確かめます。[1]")]
    public void 出典番号の書き方の揺れを受け入れる(string output, string expected) =>
        Assert.Equal(expected, LlmAnswerCheck.Check(output, Passages).Text);

    [Fact]
    public void 渡していない番号があれば答え全体を使わない() =>
        Assert.Equal(LlmVerdict.UnknownSource, LlmAnswerCheck.Check("電話で確かめます[4]。", Passages).Verdict);

    [Theory]
    [InlineData("", nameof(LlmVerdict.Empty))]
    [InlineData("NO_ANSWER", nameof(LlmVerdict.NotCovered))]
    [InlineData("一般的には警察に相談します。", nameof(LlmVerdict.NothingCited))]
    public void 根拠のない答えを見分ける(string output, string verdict) =>
        Assert.Equal(verdict, LlmAnswerCheck.Check(output, Passages).Verdict.ToString());
}
