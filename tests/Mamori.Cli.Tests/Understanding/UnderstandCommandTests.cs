using System.Text.Json;
using Mamori.Cli.Commands;

namespace Mamori.Cli.Tests.Understanding;

/// <summary>`mamori understand`: the JSON contract of issue 7 for every outcome, against the real knowledge/ and prompts/.</summary>
public sealed class UnderstandCommandTests
{
    private static readonly string[] ReplyShape = ["question", "reply", "outcome", "code", "confidence", "echo"];

    private static (int Exit, JsonElement Json, string Err) Run(string? question, string reply)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = UnderstandCommand.Run(reply, question, json: true, stdout, stderr);
        var text = stdout.ToString();
        return (exit, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), stderr.ToString());
    }

    private static string? Str(JsonElement json, string name) => json.GetProperty(name).ValueKind == JsonValueKind.Null ? null : json.GetProperty(name).GetString();

    [Fact]
    public void An_understood_reply_has_its_code_a_high_confidence_and_the_echo_the_owner_sees()
    {
        var (exit, json, _) = Run("inv_budget", "予算なんてないです");

        Assert.Equal(0, exit);
        Assert.Equal(ReplyShape, json.EnumerateObject().Select(p => p.Name).Take(ReplyShape.Length));
        Assert.Equal(("inv_budget", "予算なんてないです", "understood", "zero"), (Str(json, "question"), Str(json, "reply"), Str(json, "outcome"), Str(json, "code")));
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0.7, 1.0);
        Assert.Equal("（対策の年間予算は「0円（予算なし）」と受け取りました）", Str(json, "echo"));
    }

    [Fact]
    public void A_guess_to_confirm_names_the_guess_and_has_no_echo()
    {
        var (exit, json, _) = Run("it_dependence", "一応困るかも");

        Assert.Equal(0, exit);
        Assert.Equal(ReplyShape, json.EnumerateObject().Select(p => p.Name).Take(ReplyShape.Length));
        Assert.Equal(("confirm", "medium", null), (Str(json, "outcome"), Str(json, "code"), Str(json, "echo")));
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0.0, 0.69);
    }

    [Fact]
    public void A_reply_that_could_be_two_choices_is_a_confirm_with_both()
    {
        var (_, json, _) = Run("employees", "5人から10人");

        Assert.Equal("confirm", Str(json, "outcome"));
        Assert.Equal(["1-5", "6-20"], json.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()).Order());
    }

    [Fact]
    public void A_reply_that_cannot_be_read_is_not_understood_with_nulls_kept()
    {
        var (exit, json, _) = Run("employees", "ぼちぼち");

        Assert.Equal(0, exit);
        Assert.Equal(ReplyShape, json.EnumerateObject().Select(p => p.Name).Take(ReplyShape.Length));
        Assert.Equal("notUnderstood", Str(json, "outcome"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("echo").ValueKind);
    }

    [Fact]
    public void A_question_of_the_owners_during_the_diagnosis_is_a_question()
    {
        var (exit, json, _) = Run("m_antivirus", "無料のソフトでも大丈夫ですか？");

        Assert.Equal(0, exit);
        Assert.Equal(("question", null), (Str(json, "outcome"), Str(json, "code")));
    }

    [Theory]
    [InlineData("診断してほしい", "start")]
    [InlineData("最初からやり直したい", "restart")]
    [InlineData("戻る", "back")]
    [InlineData("担当者と話したい", "person")]
    public void Without_a_question_a_request_is_a_command(string text, string command)
    {
        var (exit, json, _) = Run(null, text);

        Assert.Equal(0, exit);
        Assert.Equal(["outcome", "command"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("command", command), (Str(json, "outcome"), Str(json, "command")));
    }

    [Fact]
    public void Without_a_question_anything_else_is_a_question()
    {
        var (exit, json, _) = Run(null, "取引先から振込先口座の変更依頼メールが来た");

        Assert.Equal(0, exit);
        Assert.Equal(["outcome"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("question", Str(json, "outcome"));
    }

    [Fact]
    public void An_unknown_question_id_exits_2_and_lists_the_valid_ids()
    {
        var (exit, _, err) = Run("budget", "ゼロ");

        Assert.Equal(2, exit);
        Assert.Contains("'budget'", err);
        Assert.Contains("inv_budget", err);
    }

    [Fact]
    public void A_missing_text_exits_2()
    {
        Assert.Equal(2, Run("inv_budget", " ").Exit);
    }
}
