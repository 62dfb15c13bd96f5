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
    private const string AppId = "3f1e2d4c-6b5a-4978-8e6f-5a4b3c2d1e0f";
    private const string TenantId = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";
    private FakeBotIdentity _identity = null!;
    private FakeConnector _connector = null!;
    private HostFactory _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeBotIdentity.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _host = new HostFactory(scripted: false, new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = AppId,
            ["BotFramework:AppPassword"] = "client-secret-for-tests",
            ["BotFramework:TenantId"] = TenantId,
            ["BotFramework:OpenIdMetadataUrl"] = _identity.BotServiceMetadataUrl,
            ["BotFramework:EntraOpenIdMetadataUrl"] = _identity.EntraMetadataUrlTemplate,
            ["BotFramework:TokenEndpoint"] = _connector.TokenEndpointTemplate,
            ["BotFramework:AllowedServiceHosts:0"] = "127.0.0.1",
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task A_teams_owner_completes_a_diagnosis_with_a_side_question_through_the_connector()
    {
        string conversation = "a:1Xk3" + Guid.NewGuid().ToString("N") + ";messageid=1";   // Teams ids carry ':' and ';'
        var user = new TeamsUser(_host.NewClient(), conversation, bearer: _identity.MintBotServiceToken(AppId, _connector.ServiceUrl));

        var welcome = await TurnAsync(user, conversation, new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JsonArray { new JsonObject { ["id"] = TeamsUser.BotId } },
        });
        Assert.Contains("診断を始める", TeamsUser.Buttons(welcome));

        var replies = await TurnAsync(user, conversation, Message("診断を始める"));
        bool askedSide = false;
        for (int step = 0; step < 80 && !TeamsUser.HasResultCard(replies); step++)
        {
            int question = TeamsUser.QuestionNumber(replies);
            if (question >= 4 && !askedSide)
            {
                askedSide = true;
                replies = await TurnAsync(user, conversation, Message("バックアップはどこに取ればいいですか？"));
                Assert.Contains(TeamsUser.Texts(replies), t => t.Contains("出典", StringComparison.Ordinal));
                Assert.Equal(question, TeamsUser.QuestionNumber(replies));   // the diagnosis resumes at the same question
                continue;
            }
            replies = await TurnAsync(user, conversation, Message(TeamsUser.Buttons(replies)[0]));
        }

        Assert.True(askedSide);
        Assert.True(TeamsUser.HasResultCard(replies), "the diagnosis should end with the result card");
        var posts = _connector.To(conversation);
        Assert.All(posts, p => Assert.Equal("Bearer " + FakeConnector.IssuedToken, p.Authorization));
        Assert.All(posts.Where(p => (string?)p.Activity["type"] == "message"), p => Assert.NotNull(p.ReplyToId));
        Assert.Equal(1, _connector.TokenRequests);                     // one token for the whole conversation
        Assert.Equal([TenantId], _connector.TokenTenants);              // single-tenant authority
    }

    [Fact]
    public async Task A_forged_token_is_refused_and_nothing_is_sent()
    {
        string conversation = "a:forged-" + Guid.NewGuid().ToString("N");
        var user = new TeamsUser(_host.NewClient(), conversation, bearer: _identity.MintBotServiceToken(Guid.NewGuid().ToString(), _connector.ServiceUrl));

        using var response = await user.PostRawAsync(Message("診断を始める"));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.To(conversation));
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    /// <summary>Posts without expectReplies (200 at once) and waits for the turn's replies to arrive at the connector.</summary>
    private async Task<IReadOnlyList<JsonObject>> TurnAsync(TeamsUser user, string conversation, JsonObject activity)
    {
        int before = _connector.To(conversation).Count;
        activity["deliveryMode"] = "normal";
        activity["serviceUrl"] = _connector.ServiceUrl;
        using var response = await user.PostRawAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A turn ends with the buttons for what comes next (a question, the menu under the result).
        return await _connector.WaitForAsync(conversation, before, messages => messages.Count > 0 && messages[^1]["suggestedActions"] is not null);
    }
}
