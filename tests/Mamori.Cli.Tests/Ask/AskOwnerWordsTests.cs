using System.Text.Json;

namespace Mamori.Cli.Tests.Ask;

/// <summary>
/// `mamori ask` with the everyday words an owner types (お客さん, 名簿, 書き込み) where the guidelines say 顧客情報 or 投稿:
/// knowledge/dictionary/synonyms.yaml has to bridge them, or the bot refuses or cites the wrong guide.
/// </summary>
public sealed class AskOwnerWordsTests
{
    private static Task<JsonElement> Ask(string question) => AskRunner.AskAsync(question);

    [Fact]
    public async Task お客さんの名簿が外に出たという相談には個人情報漏えいの対応を最初に示す()
    {
        var answer = await Ask("お客さんの名簿が外に出ちゃったかも");

        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal("personal-data-breach-response", answer.GetProperty("citations")[0].GetProperty("docId").GetString());
    }

    [Fact]
    public async Task 書き込みで炎上という言い方でもSNSの資料から答える()
    {
        var answer = await Ask("書き込みで炎上したらどうする？");

        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("docId").GetString() == "sns");
    }
}
