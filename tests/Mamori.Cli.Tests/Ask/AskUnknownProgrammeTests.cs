using System.Text.Json;

namespace Mamori.Cli.Tests.Ask;

/// <summary>`mamori ask` about a programme the documents never mention: the refusal names it and still offers a person.</summary>
public sealed class AskUnknownProgrammeTests
{
    private static Task<JsonElement> Ask(string question) => AskRunner.AskAsync(question);

    [Fact]
    public async Task 資料にない補助金の名前を挙げて断り担当者を案内する()
    {
        var answer = await Ask("小規模事業者持続化補助金の締め切りは？");

        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
        var text = answer.GetProperty("answer").GetString()!;
        Assert.Contains("「小規模事業者持続化補助金」についての資料は", text);
        Assert.Contains("担当者と話したい", text);
    }

    [Fact]
    public async Task 名前のない質問を断るときはふつうのおわびで名前を作らない()
    {
        var answer = await Ask("明日の天気は？");

        Assert.False(answer.GetProperty("grounded").GetBoolean());
        var text = answer.GetProperty("answer").GetString()!;
        Assert.DoesNotContain("についての資料は", text);
        Assert.Contains("担当者と話したい", text);
    }

    [Fact]
    public async Task 名前は利用者が書いたとおりの表記で示す()
    {
        var answer = await Ask("ＩＴ活用雇用調整助成金は使える？");

        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Contains("「ＩＴ活用雇用調整助成金」", answer.GetProperty("answer").GetString());
    }
}
