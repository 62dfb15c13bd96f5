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
}
