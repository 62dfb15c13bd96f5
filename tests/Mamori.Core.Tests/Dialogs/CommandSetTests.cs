using Mamori.Core.Dialogs;

namespace Mamori.Core.Tests.Dialogs;

public sealed class CommandSetTests
{
    private static CommandSet Commands => TestBot.Language.Commands;

    [Theory]
    [InlineData("最初から", CommandKind.Restart)]
    [InlineData("はじめから", CommandKind.Restart)]
    [InlineData("さいしょから", CommandKind.Restart)]
    [InlineData("やり直し", CommandKind.Restart)]
    [InlineData("戻る", CommandKind.Back)]
    [InlineData("もどる", CommandKind.Back)]
    [InlineData("モドル", CommandKind.Back)]
    [InlineData("戻ってください", CommandKind.Back)]
    [InlineData("ヘルプ", CommandKind.Help)]
    [InlineData("help", CommandKind.Help)]
    [InlineData("ＨＥＬＰ", CommandKind.Help)]
    [InlineData(" Help ", CommandKind.Help)]
    [InlineData("使い方", CommandKind.Help)]
    [InlineData("終了", CommandKind.Quit)]
    [InlineData("おわり", CommandKind.Quit)]
    [InlineData("担当者と話したい", CommandKind.Handoff)]
    [InlineData("人と話したい", CommandKind.Handoff)]
    [InlineData("担当者につないで", CommandKind.Handoff)]
    [InlineData("担当者につないでください", CommandKind.Handoff)]
    [InlineData("人間と話したいです", CommandKind.Handoff)]
    [InlineData("オペレーターをお願いします", CommandKind.Handoff)]
    [InlineData("担当者と話いたい", CommandKind.Handoff)]   // one typo
    [InlineData("診断を始める", CommandKind.StartDiagnosis)]
    [InlineData("もう一度診断する", CommandKind.StartDiagnosis)]
    [InlineData("続きから", CommandKind.Resume)]
    [InlineData("質問する", CommandKind.Ask)]
    public void Recognises_commands_and_their_variants(string text, CommandKind expected) =>
        Assert.Equal(expected, Commands.Detect(text));

    [Theory]
    [InlineData("6〜20人")]
    [InlineData("いない")]
    [InlineData("担当者はいない")]
    [InlineData("担当者")]   // an answer to 「責任者は決まっていますか」, not a request for a person
    [InlineData("担当者を決めていない")]
    [InlineData("最初からやり直すにはどうすればいいですか？そもそも診断で何が分かるのか詳しく知りたいです")]
    [InlineData("もど")]
    [InlineData("パスワードは何文字以上が安全？")]
    [InlineData("")]
    public void Leaves_answers_and_questions_alone(string text) => Assert.Null(Commands.Detect(text));

    [Theory]
    [InlineData("わからない", true)]
    [InlineData("分かりません", true)]
    [InlineData("ワカラナイ", true)]
    [InlineData("不明です", true)]
    [InlineData("わかる", false)]
    public void Knows_the_ways_to_say_I_dont_know(string text, bool expected) =>
        Assert.Equal(expected, Commands.IsUnknown(text));
}
