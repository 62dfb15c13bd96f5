namespace Mamori.Core.Tests.Dialogs;

public sealed class QuestionDetectorTests
{
    [Theory]
    [InlineData("パスワードは何文字以上が安全？")]
    [InlineData("パスワードは何文字以上が安全?")]
    [InlineData("ウイルス対策ソフトは無料のものでも大丈夫ですか")]
    [InlineData("補助金について教えて")]
    [InlineData("社員がメールの添付を開いてしまったらどうすればいい")]
    [InlineData("SECURITY ACTIONって何")]
    [InlineData("バックアップの方法")]
    [InlineData("ランサムウェアとは")]
    [InlineData("UTMを入れるべきでしょうか。")]
    public void Sees_a_question(string text) => Assert.True(TestBot.Language.Questions.IsQuestion(text));

    [Theory]
    [InlineData("12人くらい")]
    [InlineData("うちは小さい会社なので")]
    [InlineData("特にやってない")]
    [InlineData("まあまあ")]
    [InlineData("か")]
    [InlineData("はい")]
    [InlineData("年10万円くらい")]
    public void Does_not_take_an_answer_for_a_question(string text) => Assert.False(TestBot.Language.Questions.IsQuestion(text));

    [Theory]
    [InlineData("ウイルス対策ソフトは無料のものでも大丈夫ですか", true)]
    [InlineData("パスワードは使い回さない方がいいの？", true)]
    [InlineData("飲食店でも狙われることはありますか", true)]
    [InlineData("バックアップのやり方を教えて", true)]
    [InlineData("5人くらいかな？", false)]              // a hedged answer: the parser tries it first
    [InlineData("うちが狙われるとは思わない", false)]    // 「とは」 is only a weak cue
    [InlineData("はい、やっています", false)]
    public void Tells_a_clear_question_that_goes_before_the_parser(string text, bool expected) =>
        Assert.Equal(expected, TestBot.Language.Questions.IsClearQuestion(text));
}
