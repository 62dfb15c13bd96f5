using System.Text.RegularExpressions;
using Mamori.Core.Dialogs;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>Hostile or broken messages in the middle of a diagnosis: a polite Japanese answer, no crash, no answer lost.</summary>
public sealed partial class BadInputTests
{
    public static TheoryData<string, string, string> BadMessages => new()
    {
        { "empty", "", "メッセージが空のようです" },
        { "whitespace", "   \n  ", "メッセージが空のようです" },
        { "10,000 characters", new string('あ', 10_000), "メッセージが長すぎる" },
        { "emoji only", "😀🙏🔥", "絵文字や記号だけでは" },
        { "control characters only", "\u0000\u0001\u0002\u001b[31m", "選んでください" },
        { "HTML and script", "<script>alert('x')</script><img src=x onerror=alert(1)>", "選んでください" },
        { "SQL", "'; DROP TABLE conversation_state; --", "選んでください" },
        { "JSON", "{\"kind\":\"menu\",\"answers\":[]}", "選んでください" },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task Gets_a_polite_Japanese_answer_and_keeps_the_answers(string name, string message, string expected)
    {
        using var bot = new TestBot();
        var key = new ConversationKey("default", "bad-" + name.Length);
        await bot.Conversation(key.ConversationId)
            .Send("診断を始める")
            .Send("6〜20人").ExpectReplyContaining("【2/4】")
            .Send(message).ExpectReplyContaining(expected).ExpectReplyContaining("【2/4】ITが止まると")
            .ExpectButton("止まる")
            .RunAsync();

        var result = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", message, "test"), CancellationToken.None);
        foreach (var reply in result.Replies)
        {
            Assert.Matches(Japanese(), reply.Text);
            Assert.DoesNotContain("<script", reply.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DROP TABLE", reply.Text, StringComparison.OrdinalIgnoreCase);
        }

        // The answer given before the bad message is still there, in a store that still works.
        bot.Restart();
        var stored = await bot.Store.LoadConversationAsync(key, CancellationToken.None);
        Assert.Equal("6-20", Assert.Single(stored!.State.Answers, a => a.QuestionId == "employees").Code);
    }

    [Fact]
    public async Task Control_characters_around_a_real_answer_do_not_hide_it()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("\u00006〜20人\u200b\u0007").ExpectReplyContaining("【2/4】ITが止まると")
            .RunAsync();
    }

    [Fact]
    public async Task A_hostile_question_in_the_menu_reaches_the_answerer_as_plain_text_and_is_stored_safely()
    {
        var answerer = new RecordingAnswerer();
        using var bot = new TestBot(answerer);
        const string sql = "Robert'); DROP TABLE user_state;-- ってどういう意味？";
        await bot.Conversation().Send(sql).ExpectReplyContaining("使い回さない").RunAsync();
        bot.Restart();
        var stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Contains(stored!.State.History, line => line.Text == sql);
        Assert.Null(await bot.Store.LoadUserAsync(new global::Mamori.Core.Storage.UserKey("default", "u1"), CancellationToken.None));
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
