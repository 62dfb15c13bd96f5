using Stopwatch = System.Diagnostics.Stopwatch;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework;
using Mamori.Host.Channels.BotFramework.Connector;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Channels.BotFramework.Connector;

/// <summary>The Connector client against a loopback Bot Connector and token endpoint speaking the real wire format.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;

    private ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = Build(tenantId: null);
    }

    private ServiceProvider Build(string? tenantId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:Connector:RetryDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System);
        services.AddOptions<BotFrameworkOptions>().Configure(o =>
        {
            o.AppId = "5c4b3a29-1807-4f6e-9d5c-4b3a29180706";
            o.AppPassword = "client-secret-for-tests";
            o.TenantId = tenantId;
            o.TokenEndpoint = _connector.TokenEndpointTemplate;
            o.AllowedServiceHosts.Add("127.0.0.1");
        });
        services.AddBotFrameworkConnector();
        return services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static Activity Reply(string? replyTo = null) => new() { Type = "message", Text = "こんにちは", ReplyToId = replyTo };

    [Fact]
    public async Task Replies_carry_the_bots_token_fetched_once_for_many_sends_from_the_multi_tenant_authority()
    {
        for (int i = 0; i < 5; i++)
            Assert.NotNull(await Client.SendAsync(_connector.ServiceUrl, $"a:conv-{i}", Reply(), CancellationToken.None));

        Assert.All(_connector.Posts, p => Assert.Equal("Bearer " + FakeConnector.IssuedToken, p.Authorization));
        Assert.Equal(1, _connector.TokenRequests);
        Assert.Equal(["botframework.com"], _connector.TokenTenants);
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant_for_the_token()
    {
        await using var services = Build(tenantId: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9");
        await services.GetRequiredService<ConnectorClient>().SendAsync(_connector.ServiceUrl, "a:x", Reply(), CancellationToken.None);

        Assert.Equal(["1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9"], _connector.TokenTenants);
    }

    [Fact]
    public async Task Teams_ids_are_escaped_and_a_reply_goes_to_its_activity()
    {
        const string conversation = "19:abc@thread.tacv2;messageid=1700000000000";
        await Client.SendAsync(_connector.ServiceUrl, conversation, Reply("1700000000000"), CancellationToken.None);

        var post = Assert.Single(_connector.Posts);
        Assert.Equal(conversation, post.ConversationId);
        Assert.Equal("1700000000000", post.ReplyToId);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_sent_again_after_the_wait()
    {
        _connector.FailNext(429, retryAfter: "1");
        var watch = Stopwatch.StartNew();

        Assert.NotNull(await Client.SendAsync(_connector.ServiceUrl, "a:busy", Reply(), CancellationToken.None));

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}");
        Assert.Equal(2, _connector.Attempts);
        Assert.Single(_connector.Posts);
    }

    [Fact]
    public async Task Bad_gateway_is_retried_with_backoff_and_gives_up_after_the_limit()
    {
        _connector.FailNext(502, times: 10);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(_connector.ServiceUrl, "a:down", Reply(), CancellationToken.None));

        Assert.Equal(502, failure.StatusCode);
        Assert.Equal(4, _connector.Attempts);   // the first try and three retries
    }

    [Fact]
    public async Task A_message_too_big_is_not_retried_and_says_why()
    {
        _connector.FailNext(413);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(_connector.ServiceUrl, "a:big", Reply(), CancellationToken.None));

        Assert.Equal(413, failure.StatusCode);
        Assert.Contains("MessageSizeTooBig", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _connector.Attempts);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("http://smba.trafficmanager.net/apac/")]
    public async Task A_service_url_outside_the_allowed_hosts_never_gets_the_token(string serviceUrl)
    {
        await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(serviceUrl, "a:x", Reply(), CancellationToken.None));

        Assert.Equal(0, _connector.TokenRequests);
    }

    [Fact]
    public async Task A_burst_in_one_conversation_is_paced_to_teams_limits_while_another_conversation_is_not_held_up()
    {
        var watch = Stopwatch.StartNew();
        var burst = Enumerable.Range(0, 10).Select(_ => Client.SendAsync(_connector.ServiceUrl, "a:burst", Reply(), CancellationToken.None)).ToList();
        await Client.SendAsync(_connector.ServiceUrl, "a:other", Reply(), CancellationToken.None);
        var other = watch.Elapsed;
        await Task.WhenAll(burst);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"10 sends took {watch.Elapsed}");   // 7 per second
        Assert.True(other < TimeSpan.FromSeconds(0.9), $"the other conversation waited {other}");
        Assert.Equal(10, _connector.To("a:burst").Count);
    }
}
