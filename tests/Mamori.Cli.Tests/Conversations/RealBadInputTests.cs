using System.Text.RegularExpressions;
using Mamori.Core.Dialogs;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>Hostile and broken messages against the real bot (parser, knowledge answerer, SQLite), in the menu and mid-diagnosis.</summary>
public sealed partial class RealBadInputTests
{
    public static TheoryData<string> BadMessages =>
    [
        "",
        " \n\t ",
        new string('あ', 10_000),
        "😀🙏🔥",
        "\u0000\u0001\u0002\u001b[31m",
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "'; DROP TABLE conversation_state; --",
        "Robert'); DROP TABLE user_state;-- ってどういう意味？",
        "{{7*7}} ${jndi:ldap://x} %s%s%n",
        "\ud800\udfff\ud800",
    ];

    [Theory, MemberData(nameof(BadMessages))]
    public async Task Gets_a_polite_Japanese_answer_in_the_menu_and_in_the_diagnosis_and_loses_nothing(string message)
    {
        using var bot = new RealBot();
        var key = new ConversationKey("default", "c1");

        var inMenu = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", message, "test"), CancellationToken.None);
        AssertPoliteJapanese(inMenu);

        await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", "診断を始める", "test"), CancellationToken.None);
        await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", "製造業", "test"), CancellationToken.None);
        var inDiagnosis = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", message, "test"), CancellationToken.None);
        AssertPoliteJapanese(inDiagnosis);
        Assert.Contains("従業員は何名", ConversationScript.Transcript(inDiagnosis));   // the question is asked again

        bot.Restart();
        var stored = await bot.Store.LoadConversationAsync(key, CancellationToken.None);
        Assert.Equal("manufacturing", Assert.Single(stored!.State.Answers).Code);
    }

    private static void AssertPoliteJapanese(TurnResult result)
    {
        Assert.NotEmpty(result.Replies);
        Assert.Matches(Japanese(), result.Replies[0].Text);
        Assert.DoesNotContain(result.Replies, r => r.Text.Contains("<script", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(result.Replies, r => r.Text.Contains("Exception", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
