using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

/// <summary>Behaviour an owner notices: the right guideline comes first, and the bot refuses what the guidelines don't cover.</summary>
public sealed class KnowledgeRetrieverTests
{
    private static Task<RetrievalResult> Ask(string question) =>
        KnowledgeFixture.Retriever.RetrieveAsync(new RetrievalRequest(question), default);

    [Theory]
    [InlineData("取引先を名乗るメールで振込先の口座が変わったと言われた", "bec")]
    [InlineData("ｽﾏﾎの二段階認証ってどう設定するの", "passwords-mfa")]
    [InlineData("パソコンの画面に身代金を払えと出た", "ransomware")]
    public async Task The_matching_guideline_comes_first(string question, string docIdPrefix)
    {
        var result = await Ask(question);
        Assert.StartsWith(docIdPrefix, result.Hits[0].Chunk.DocId);
        Assert.True(result.Verdict.Answerable, result.Verdict.Reason);
    }

    [Theory]
    [InlineData("明日の天気は？")]
    [InlineData("近くの美味しいラーメン屋教えて")]
    [InlineData("トヨタの株価って今いくら？")]
    public async Task Questions_outside_the_guidelines_are_refused(string question) =>
        Assert.False((await Ask(question)).Verdict.Answerable);

    [Fact]
    public async Task A_question_of_only_punctuation_returns_nothing_and_is_refused()
    {
        var result = await Ask("？？？");
        Assert.Empty(result.Hits);
        Assert.False(result.Verdict.Answerable);
    }

    [Fact]
    public async Task A_huge_pasted_text_is_answered_quickly_instead_of_stalling()
    {
        string pasted = string.Concat(Enumerable.Repeat("取引先から振込先の口座を変更したとメールが来ました。", 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await Ask(pasted);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.StartsWith("bec", result.Hits[0].Chunk.DocId);
    }
}
