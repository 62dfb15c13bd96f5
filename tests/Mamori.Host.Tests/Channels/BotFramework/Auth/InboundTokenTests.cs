using System.Net;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.BotFramework.Auth;

/// <summary>
/// With an app id, /api/messages accepts only tokens as Bot Service and Entra ID issue them, checked against their
/// published keys (a real RSA-signed JWT from a loopback identity provider); everything else is 401 or 403 with a reason.
/// </summary>
public sealed class InboundTokenTests : IAsyncLifetime
{
    private const string AppId = "7d1a3c2e-5b4f-4e8a-9c6d-1f2e3a4b5c6d";
    private const string TenantId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private FakeBotIdentity _identity = null!;
    private HostFactory _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeBotIdentity.StartAsync();
        _host = new HostFactory(scripted: true, new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = AppId,
            ["BotFramework:AppPassword"] = "client-secret-for-tests",
            ["BotFramework:TenantId"] = TenantId,
            ["BotFramework:OpenIdMetadataUrl"] = _identity.BotServiceMetadataUrl,
            ["BotFramework:EntraOpenIdMetadataUrl"] = _identity.EntraMetadataUrlTemplate,
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _identity.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string? bearer, string serviceUrl = TeamsUser.ServiceUrl, string channel = "msteams")
    {
        var user = new TeamsUser(_host.NewClient(), "a:auth-" + Guid.NewGuid().ToString("N"), bearer: bearer);
        using var response = await user.PostRawAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = "こんにちは",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channel,
        });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bot_service_token_for_this_bot_and_service_url_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl))).Status);

    [Fact]
    public async Task An_entra_token_of_the_bots_own_tenant_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_identity.MintEntraToken(AppId, TenantId))).Status);

    [Theory]
    [InlineData(TokenFlaw.Expired, "expired")]
    [InlineData(TokenFlaw.WrongAudience, "audience")]
    [InlineData(TokenFlaw.WrongIssuer, "issuer")]
    [InlineData(TokenFlaw.NoServiceUrl, "serviceurl")]
    public async Task A_flawed_bot_service_token_is_401_with_the_reason(TokenFlaw flaw, string reason)
    {
        var (status, body) = await SendAsync(_identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl, flaw));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(reason, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_for_another_service_url_is_401()
    {
        string token = _identity.MintBotServiceToken(AppId, "https://smba.trafficmanager.net/emea/");
        var (status, body) = await SendAsync(token, serviceUrl: TeamsUser.ServiceUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("serviceurl", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_that_does_not_endorse_the_channel_is_403()
    {
        var (status, body) = await SendAsync(_identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl, TokenFlaw.KeyNotEndorsingChannel));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("msteams", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entra_token_whose_tenant_does_not_match_its_issuer_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_identity.MintEntraToken(AppId, TenantId, TokenFlaw.WrongTenant))).Status);

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task No_token_or_garbage_is_401(string? bearer) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(bearer)).Status);

    [Fact]
    public async Task A_new_signing_key_is_looked_up_once_then_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl))).Status);
        int fetches = _identity.BotServiceMetadataFetches;

        _identity.RotateKeys();
        string rotated = _identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl, TokenFlaw.UnknownKey);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rotated)).Status);
        Assert.Equal(fetches + 1, _identity.BotServiceMetadataFetches);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rotated)).Status);
        Assert.Equal(fetches + 1, _identity.BotServiceMetadataFetches);   // cached from then on
    }

    [Fact]
    public async Task Made_up_key_ids_cannot_make_the_host_hammer_the_identity_provider()
    {
        await SendAsync(_identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl));
        for (int i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_identity.MintBotServiceToken(AppId, TeamsUser.ServiceUrl, TokenFlaw.UnknownKey))).Status);

        Assert.True(_identity.BotServiceMetadataFetches <= 2, $"fetched {_identity.BotServiceMetadataFetches} times");
    }
}
