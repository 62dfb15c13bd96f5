using System.Text.Json;

namespace Mamori.Cli.Tests.Ask;

/// <summary>`mamori ask --json` shows the topic buttons of a middling question, and answers the label sent back.</summary>
public sealed class AskTopicSuggestionTests
{
    private const string Question = "うちみたいな小さい店でも被害って実際どのくらいあるの？";

    [Fact]
    public async Task 近い資料が複数ある質問では話題の候補をsuggestionsに出す()
    {
        var answer = await AskRunner.AskAsync(Question);

        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        var suggestions = answer.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 2, 3);
        Assert.Contains(suggestions, s => s.GetProperty("docId").GetString() == "threats-top10-damage-stats");
        Assert.All(suggestions, s => Assert.InRange(s.GetProperty("label").GetString()!.Length, 1, 20));
    }

    [Fact]
    public async Task 話題の名前を前の質問と一緒に送るとその資料から答える()
    {
        var offered = await AskRunner.AskAsync(Question);
        var label = offered.GetProperty("suggestions").EnumerateArray()
            .First(s => s.GetProperty("docId").GetString() == "threats-top10-damage-stats").GetProperty("label").GetString();

        var (exit, output, error) = await AskRunner.RunAsync(label, true, Question);

        Assert.True(exit == 0, error);
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal("threats-top10-damage-stats", answer.GetProperty("citations")[0].GetProperty("docId").GetString());
        Assert.Equal(0, answer.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task 答えられる質問と断る質問ではsuggestionsは空()
    {
        Assert.Equal(0, (await AskRunner.AskAsync("パスワードは何文字以上が安全？")).GetProperty("suggestions").GetArrayLength());
        Assert.Equal(0, (await AskRunner.AskAsync("明日の天気は？")).GetProperty("suggestions").GetArrayLength());
    }
}
