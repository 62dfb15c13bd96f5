using Mamori.Cli.Commands;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>`mamori chat` driven through stdin and stdout, as a script or a person would.</summary>
public sealed class ChatCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mamori-chat-").FullName;

    [Fact]
    public async Task A_piped_conversation_prints_numbered_buttons_and_understands_numbers_labels_and_free_text()
    {
        var output = await ChatAsync(null, "1", "製造業", "12人くらい", "東京", "戻る");

        Assert.Contains("  1) 診断を始める", output);
        Assert.Contains("> 1", output);
        Assert.Contains("業種", output);
        Assert.Contains("  1) 製造業", output);
        Assert.Contains("従業員は何名", output);
        Assert.Contains("都道府県", output);
        Assert.Contains("丸1日使えなくなったら", output);
        Assert.Contains("1つ前の質問に戻ります", output);
    }

    [Fact]
    public async Task The_same_conversation_id_continues_in_a_later_run_at_the_same_question()
    {
        await ChatAsync("shop-1", "診断を始める", "建設業", "5人");
        var second = await ChatAsync("shop-1");
        Assert.Contains("前回の続き（3問目）から再開します", second);
        Assert.Contains("都道府県", second);
    }

    [Fact]
    public async Task Goodbye_ends_the_session_and_a_handoff_says_the_console_cannot_reach_a_person()
    {
        var output = await ChatAsync(null, "担当者と話したい", "終了", "この行は読まれない");
        Assert.Contains("よろず支援拠点", output);   // where a person can be reached, not a promise nobody keeps
        Assert.Contains("このコンソールでは担当者に直接おつなぎできません", output);
        Assert.Contains("ご利用ありがとうございました", output);
        Assert.DoesNotContain("> この行は読まれない", output);
    }

    [Fact]
    public async Task Bad_settings_exit_with_code_2()
    {
        using var output = new StringWriter();
        var code = await ChatCommand.RunAsync(new ChatSettings(_data, "", null, null), new StringReader(""), output, interactive: false, CancellationToken.None);
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("2", "B")]
    [InlineData("２", "B")]
    [InlineData(" 3 ", "C")]
    [InlineData("4", "4")]      // no fourth button: sent as typed (e.g. 「4」人)
    [InlineData("0", "0")]
    [InlineData("B", "B")]
    [InlineData("12人", "12人")]
    public void A_bare_number_picks_that_button(string typed, string sent)
    {
        var last = new TurnResult([new BotReply { Text = "?", Choices = [new("A"), new("B"), new("C")] }]);
        Assert.Equal(sent, ChatCommand.ButtonOrText(typed, last));
    }

    private async Task<string> ChatAsync(string? conversation, params string[] lines)
    {
        using var output = new StringWriter();
        var code = await ChatCommand.RunAsync(
            new ChatSettings(_data, conversation, "tester", null),
            new StringReader(string.Join("\n", lines) + "\n"), output, interactive: false, CancellationToken.None);
        Assert.Equal(0, code);
        return output.ToString();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup if a file is still open.
        }
    }
}
