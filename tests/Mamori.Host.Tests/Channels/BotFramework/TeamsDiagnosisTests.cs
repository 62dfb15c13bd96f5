using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.BotFramework;

/// <summary>
/// Whole Japanese diagnoses through POST /api/messages with the real engine, in emulator mode (no app id, a caller on
/// this machine) and expectReplies: a personal chat with suggested actions, and a group chat where the bot is
/// @mentioned and buttons are card submits. Each asks a side question midway and the diagnosis resumes there.
/// </summary>
public sealed class TeamsDiagnosisTests : IClassFixture<TeamsDiagnosisTests.RealHost>
{
    private const string SideQuestion = "パスワードは何文字以上にすればいいですか？";
    private readonly RealHost _host;

    public TeamsDiagnosisTests(RealHost host) => _host = host;

    public sealed class RealHost() : IDisposable
    {
        public HostFactory Factory { get; } = new(scripted: false);
        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public Task A_personal_chat_completes_a_diagnosis_with_a_side_question() =>
        RunDiagnosisAsync(new TeamsUser(_host.Factory.NewClient(), "a:personal-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public Task A_group_chat_completes_a_diagnosis_through_card_buttons() =>
        RunDiagnosisAsync(new TeamsUser(_host.Factory.NewClient(), "19:group-" + Guid.NewGuid().ToString("N") + "@thread.v2", group: true));

    [Fact]
    public async Task Two_members_of_one_group_chat_each_have_their_own_diagnosis()
    {
        string conversation = "19:shared-" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var first = new TeamsUser(_host.Factory.NewClient(), conversation, group: true, userId: "29:member-a");
        var second = new TeamsUser(_host.Factory.NewClient(), conversation, group: true, userId: "29:member-b");

        var asked = await first.PressAsync("診断を始める");
        Assert.Equal(1, TeamsUser.QuestionNumber(asked));
        await first.PressAsync(TeamsUser.Buttons(asked)[0]);

        var other = await second.SayAsync("こんにちは");
        Assert.Equal(0, TeamsUser.QuestionNumber(other));   // not dragged into member A's question 2
    }

    private static async Task RunDiagnosisAsync(TeamsUser user)
    {
        var welcome = await user.AddBotAsync();
        Assert.Contains("診断を始める", TeamsUser.Buttons(welcome));
        Assert.Empty(await user.AddBotAsync());   // conversationUpdate and installationUpdate both come on install: one welcome

        var replies = await user.PressAsync("診断を始める");
        bool askedSide = false;
        for (int step = 0; step < 80 && !TeamsUser.HasResultCard(replies); step++)
        {
            int question = TeamsUser.QuestionNumber(replies);
            string[] buttons = TeamsUser.Buttons(replies);
            if (question >= 5 && !askedSide)
            {
                askedSide = true;
                var answer = await user.SayAsync(SideQuestion);
                Assert.Contains(TeamsUser.Texts(answer), t => t.Contains("出典", StringComparison.Ordinal));
                Assert.Contains(TeamsUser.Texts(answer), t => t.Contains("文字", StringComparison.Ordinal));
                Assert.Contains(TeamsUser.Texts(answer), t => t.Contains($"【{question}/", StringComparison.Ordinal));   // back at the same question
                replies = answer;
                continue;
            }
            Assert.NotEmpty(buttons);
            replies = await user.PressAsync(buttons[0]);
        }

        Assert.True(askedSide, "the run should include the side question");
        Assert.True(TeamsUser.HasResultCard(replies), "the diagnosis should end with the result card");
        var card = replies.SelectMany(TeamsUser.Cards).Single(c => c["actions"] is JsonArray);
        Assert.Equal("1.5", (string?)card["version"]);
        string report = (string)card["actions"]![0]!["url"]!;
        Assert.Contains("/report/", report, StringComparison.Ordinal);
        Assert.Contains("くわしく", TeamsUser.Buttons(replies));
    }
}
