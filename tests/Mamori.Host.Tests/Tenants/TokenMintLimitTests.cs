using System.Net;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Tenants;

public sealed class TokenMintLimitTests
{
    [Fact]
    public async Task Minting_more_tokens_than_allowed_per_minute_gets_429_with_retry_after()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?> { ["Channels:DirectLine:TokenMintsPerMinute"] = "3" });
        var http = host.NewClient();
        for (int i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("api/tenants/default/token", null)).StatusCode);
        using var fourth = await http.PostAsync("api/tenants/default/token", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), fourth.Headers.RetryAfter?.Delta);
    }
}
