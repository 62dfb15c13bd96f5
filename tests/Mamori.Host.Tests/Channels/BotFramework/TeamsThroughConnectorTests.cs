using System.Net;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.BotFramework;

/// <summary>
/// Teams as in production: activities signed by the (loopback) Bot Service, answered with 200 at once, and the replies
/// sent through the (loopback) Bot Connector with the bot's own Entra token — a whole Japanese diagnosis with a side
/// question, with the real engine.
/// </summary>
public sealed class TeamsThroughConnectorTests : IAsyncLifetime
{
    private ConnectedHost _bot = null!;

    public async Task InitializeAsync() => _bot = await ConnectedHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_teams_owner_completes_a_diagnosis_with_a_side_question_through_the_connector()
    {
        string conversation = "a:1Xk3" + Guid.NewGuid().ToString("N") + ";messageid=1";   // Teams ids carry ':' and ';'
        var user = _bot.User(conversation);

        var welcome = await _bot.TurnAsync(user, conversation, new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JsonArray { new JsonObject { ["id"] = TeamsUser.BotId } },
        });
        Assert.Contains("診断を始める", TeamsUser.Buttons(welcome));

        var replies = await _bot.TurnAsync(user, conversation, Message("診断を始める"));
        bool askedSide = false;
        for (int step = 0; step < 80 && !TeamsUser.HasResultCard(replies); step++)
        {
            int question = TeamsUser.QuestionNumber(replies);
            if (question >= 4 && !askedSide)
            {
                askedSide = true;
                replies = await _bot.TurnAsync(user, conversation, Message("バックアップはどこに取ればいいですか？"));
                Assert.Contains(TeamsUser.Texts(replies), t => t.Contains("出典", StringComparison.Ordinal));
                Assert.Equal(question, TeamsUser.QuestionNumber(replies));   // the diagnosis resumes at the same question
                continue;
            }
            replies = await _bot.TurnAsync(user, conversation, Message(TeamsUser.Buttons(replies)[0]));
        }

        Assert.True(askedSide);
        Assert.True(TeamsUser.HasResultCard(replies), "the diagnosis should end with the result card");
        var posts = _bot.Connector.To(conversation);
        Assert.All(posts, p => Assert.Equal("Bearer " + FakeConnector.IssuedToken, p.Authorization));
        Assert.All(posts.Where(p => (string?)p.Activity["type"] == "message"), p => Assert.NotNull(p.ReplyToId));
        Assert.Equal(1, _bot.Connector.TokenRequests);                     // one token for the whole conversation
        Assert.Equal([ConnectedHost.EntraTenantId], _bot.Connector.TokenTenants);              // single-tenant authority
    }

    [Fact]
    public async Task A_forged_token_is_refused_and_nothing_is_sent()
    {
        string conversation = "a:forged-" + Guid.NewGuid().ToString("N");
        var user = _bot.User(conversation, appId: Guid.NewGuid().ToString());

        using var response = await user.PostRawAsync(Message("診断を始める"));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.To(conversation));
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };
}
