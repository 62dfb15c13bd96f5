using System.Net;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Channels.BotFramework;

namespace Mamori.Host.Tests.Support;

/// <summary>
/// The real host as a registered single-tenant bot, as in production: the (loopback) Bot Service signs the activities it
/// receives, and its replies go through the (loopback) Bot Connector with a token from the (loopback) Entra ID.
/// </summary>
internal sealed class ConnectedHost : IAsyncDisposable
{
    public const string AppId = "3f1e2d4c-6b5a-4978-8e6f-5a4b3c2d1e0f";
    public const string EntraTenantId = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";

    private ConnectedHost(FakeBotIdentity identity, FakeConnector connector, HostFactory host) =>
        (Identity, Connector, Host) = (identity, connector, host);

    public FakeBotIdentity Identity { get; }
    public FakeConnector Connector { get; }
    public HostFactory Host { get; }

    public static async Task<ConnectedHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var identity = await FakeBotIdentity.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var all = Settings(identity, connector);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new ConnectedHost(identity, connector, new HostFactory(scripted: false, all));
    }

    /// <summary>The settings of a bot registered with the loopback Bot Service, Entra ID and Connector.</summary>
    public static Dictionary<string, string?> Settings(FakeBotIdentity identity, FakeConnector connector) => new()
    {
        ["BotFramework:AppId"] = AppId,
        ["BotFramework:AppPassword"] = "client-secret-for-tests",
        ["BotFramework:TenantId"] = EntraTenantId,
        ["BotFramework:OpenIdMetadataUrl"] = identity.BotServiceMetadataUrl,
        ["BotFramework:EntraOpenIdMetadataUrl"] = identity.EntraMetadataUrlTemplate,
        ["BotFramework:TokenEndpoint"] = connector.TokenEndpointTemplate,
        ["BotFramework:AllowedServiceHosts:0"] = "127.0.0.1",
    };

    /// <summary>A Teams user whose activities carry a Bot Service token for this bot (or, with <paramref name="appId"/>, another).</summary>
    public TeamsUser User(string conversation, string appId = AppId) =>
        new(Host.NewClient(), conversation, bearer: Identity.MintBotServiceToken(appId, Connector.ServiceUrl));

    /// <summary>Posts without expectReplies: the host answers 200 at once and replies through the connector.</summary>
    public Task<HttpResponseMessage> PostAsync(TeamsUser user, JsonObject activity)
    {
        activity["deliveryMode"] = "normal";
        activity["serviceUrl"] = Connector.ServiceUrl;
        return user.PostRawAsync(activity);
    }

    /// <summary>Posts and waits for the turn's replies; a turn ends with the buttons for what comes next (a question, the menu under the result).</summary>
    public async Task<IReadOnlyList<JsonObject>> TurnAsync(TeamsUser user, string conversation, JsonObject activity)
    {
        int before = Connector.To(conversation).Count;
        using (var response = await PostAsync(user, activity))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Connector.WaitForAsync(conversation, before, messages => messages.Count > 0 && messages[^1]["suggestedActions"] is not null);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
