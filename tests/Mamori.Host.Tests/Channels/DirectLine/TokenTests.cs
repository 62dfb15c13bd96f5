using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Host.Channels.DirectLine;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Mamori.Host.Access;

namespace Mamori.Host.Tests.Channels.DirectLine;

public sealed class TokenTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    private AccessTokens Tokens => host.Factory.Services.GetRequiredService<AccessTokens>();

    [Fact]
    public async Task Refresh_gives_a_new_working_token_for_the_same_conversation()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        await Task.Delay(1100);   // a new iat, so the new token differs
        using var response = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(client.ConversationId, (string?)info!["conversationId"]);
        string fresh = (string)info["token"]!;
        Assert.NotEqual(client.Token, fresh);

        using var get = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities", token: fresh);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task A_refreshed_token_stops_working_after_the_grace_and_refreshes_only_once()
    {
        using var factory = new HostFactory(settings: new Dictionary<string, string?> { ["Channels:DirectLine:RefreshedTokenGrace"] = "00:00:00" });
        var client = await DirectLineClient.StartAsync(factory);
        string old = client.Token;
        await Task.Delay(1100);
        using var response = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string fresh = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;

        // The old token neither reads, posts nor refreshes again (a leaked token cannot be multiplied)…
        using var read = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities", token: old);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Contains("refreshed", await read.Content.ReadAsStringAsync());
        using var post = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", DirectLineClient.Message("こんにちは"), token: old);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var again = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token: old);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);

        // …while the new one does both.
        using var next = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token: fresh);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task With_the_default_grace_the_old_token_still_works_just_after_a_refresh()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        await Task.Delay(1100);
        using var response = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A reload within the minute finds the old token in the page's storage: the conversation must not be lost.
        using var get = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_403_TokenExpired_everywhere_and_cannot_be_refreshed()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string userId = "dl_expired";
        string expired = Tokens.Issue(new TokenGrant("default", client.ConversationId, userId), DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromMinutes(30));

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities"),
            (HttpMethod.Post, "v3/directline/tokens/refresh"),
            (HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}"),
        })
        {
            using var response = await client.SendAsync(method, path, token: expired);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal("TokenExpired", (string?)body!["error"]!["code"]);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJkZWZhdWx0In0.forged")]
    public async Task Missing_or_invalid_credentials_get_401(string token)
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities", token: token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        using var other = new HostFactory(scripted: true);
        var foreignTokens = other.Services.GetRequiredService<AccessTokens>();
        string foreign = foreignTokens.Issue(new TokenGrant("default", client.ConversationId, "dl_x"), TimeSpan.FromMinutes(5));
        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities", token: foreign);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_of_another_conversation_or_tenant_gets_403()
    {
        var mine = await DirectLineClient.StartAsync(host.Factory);
        var theirs = await DirectLineClient.StartAsync(host.Factory, tenant: "chamber");

        using var crossConversation = await mine.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{theirs.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Forbidden, crossConversation.StatusCode);

        // Even a correctly signed token naming the other tenant's conversation cannot read it across tenants.
        string crossTenant = Tokens.Issue(new TokenGrant("default", theirs.ConversationId, "dl_x"), TimeSpan.FromMinutes(5));
        using var response = await mine.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{theirs.ConversationId}/activities", token: crossTenant);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var post = await mine.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{theirs.ConversationId}/activities", DirectLineClient.Message("のぞき見"), token: crossTenant);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task A_stream_or_report_token_does_not_work_on_the_rest_api()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string streamToken = Uri.UnescapeDataString(client.StreamUrl.Split("?t=")[1].Split('&')[0]);
        using var response = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities", token: streamToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_tenant_secret_generates_tokens_server_side_and_a_wrong_secret_does_not()
    {
        var http = host.Factory.NewClient();
        var client = new DirectLineClient(http);
        using var generated = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", """{"user":{"id":"dl_member-17"}}""", token: HostFactory.ChamberSecret);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var info = await generated.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Null(info!["streamUrl"]);
        string token = (string)info["token"]!;

        using var start = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", token: token);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);

        using var wrong = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", token: "not-the-secret-but-long-enough-to-look-like-one");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var withToken = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", token: token);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
    }

    [Fact]
    public async Task The_secret_can_start_a_conversation_directly()
    {
        var client = new DirectLineClient(host.Factory.NewClient());
        using var start = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", token: HostFactory.ChamberSecret);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var info = await start.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(".", (string?)info!["token"]);   // a token for the browser, not the secret
        Assert.NotEqual(HostFactory.ChamberSecret, (string?)info["token"]);
    }
}
