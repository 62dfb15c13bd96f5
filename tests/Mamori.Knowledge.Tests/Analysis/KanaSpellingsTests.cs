using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Analysis;

/// <summary>
/// Owners who type loanwords in hiragana (「ぱそこん」「めーる」「ろぐいん」) are searched with the guidelines' katakana,
/// learnt from the passages themselves; Japanese words written in hiragana are left as they are.
/// </summary>
public sealed class KanaSpellingsTests
{
    private static readonly KanaSpellings Spellings = KanaSpellings.From(
        ["パソコンのログインにはパスワードを使います。", "メールの添付に注意しましょう。", "サーバーとセキュリティ", "このままにしないでください。"]);

    [Theory]
    [InlineData("ぱそこんの ろぐいん", "パソコンの ログイン")]
    [InlineData("あやしい めーる", "あやしい メール")]
    [InlineData("せきゅりてぃの ことで", "セキュリティの ことで")]
    [InlineData("さーばーが とまった", "サーバが とまった")]            // the trailing ー goes, as the normalizer folds サーバー
    [InlineData("ぱすわーどを わすれた", "パスワードを わすれた")]
    public void A_loanword_in_hiragana_is_read_in_the_guidelines_katakana(string typed, string read) =>
        Assert.Equal(JapaneseNormalizer.Normalize(read), Spellings.Rewrite(JapaneseNormalizer.Normalize(typed)));

    [Theory]
    [InlineData("このまま つかっても いい？")]   // まま: no katakana word of the passages
    [InlineData("きょうは やすみです")]
    public void Japanese_written_in_hiragana_is_left_alone(string typed) =>
        Assert.Equal(JapaneseNormalizer.Normalize(typed), Spellings.Rewrite(JapaneseNormalizer.Normalize(typed)));

    [Fact]
    public void A_katakana_word_whose_spelling_the_passages_use_in_hiragana_is_no_spelling()
    {
        // 「ママ」 in katakana, 「まま」 in the passages' hiragana: 「まま」 typed stays a Japanese word.
        var spellings = KanaSpellings.From(["ママさんバレー", "そのままにしない"]);
        Assert.Equal("そのままでいい", spellings.Rewrite("そのままでいい"));
    }

    [Fact]
    public async Task A_question_typed_in_hiragana_finds_the_passage_its_katakana_would()
    {
        var typed = await KnowledgeFixture.Retriever.RetrieveAsync(new RetrievalRequest("ろぐいんの とき すまほに ばんごうが くる やつ"), default);
        var katakana = await KnowledgeFixture.Retriever.RetrieveAsync(new RetrievalRequest("ログインの とき スマホに ばんごうが くる やつ"), default);
        Assert.Equal(katakana.Hits[0].Chunk.DocId, typed.Hits[0].Chunk.DocId);
        Assert.Equal("passwords-mfa-setup", typed.Hits[0].Chunk.DocId);
    }
}
