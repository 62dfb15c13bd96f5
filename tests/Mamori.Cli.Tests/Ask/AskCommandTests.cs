using System.Text.Json;
using Mamori.Cli.Commands;

namespace Mamori.Cli.Tests.Ask;

/// <summary>`mamori ask` against the real knowledge/ folder: the JSON contract, the refusal, bad input.</summary>
public sealed class AskCommandTests
{
    private static Task<(int Exit, string Out, string Err)> Run(string? question, bool json = true, params string[] previous) =>
        AskRunner.RunAsync(question, json, previous);

    [Fact]
    public async Task 振込先変更の質問に出典つきのJSONを返す()
    {
        var (exit, output, error) = await Run("取引先から振込先口座の変更依頼メールが来た");

        Assert.True(exit == 0, error);
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.True(root.GetProperty("grounded").GetBoolean());
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        Assert.Contains("[1]", root.GetProperty("answer").GetString());
        var citation = root.GetProperty("citations")[0];
        Assert.StartsWith("bec", citation.GetProperty("docId").GetString());
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("title").GetString()));
        Assert.StartsWith("https://", citation.GetProperty("url").GetString());
        Assert.Equal(["answer", "grounded", "mode", "citations", "suggestions"], root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task 天気の質問には根拠なしとして丁寧に断る()
    {
        var (exit, output, _) = await Run("明日の天気は？");

        Assert.Equal(0, exit);
        using var result = JsonDocument.Parse(output);
        Assert.False(result.RootElement.GetProperty("grounded").GetBoolean());
        Assert.Contains("申し訳ありません", result.RootElement.GetProperty("answer").GetString());
        Assert.Equal(0, result.RootElement.GetProperty("citations").GetArrayLength());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task 質問がなければ終了コード2で理由を示す(string? question)
    {
        var (exit, output, error) = await Run(question);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("question", error);
    }

    [Fact]
    public async Task 長すぎる質問は終了コード2()
    {
        var (exit, _, error) = await Run(new string('あ', 501));

        Assert.Equal(2, exit);
        Assert.Contains("500", error);
    }

    [Fact]
    public async Task 前の質問を渡すと続きの質問に答える()
    {
        var (exit, output, _) = await Run("それはいくら？", json: true, "お助け隊サービスって何？");

        Assert.Equal(0, exit);
        using var result = JsonDocument.Parse(output);
        Assert.True(result.RootElement.GetProperty("grounded").GetBoolean());
        Assert.Contains("月額", result.RootElement.GetProperty("answer").GetString());
    }
}
