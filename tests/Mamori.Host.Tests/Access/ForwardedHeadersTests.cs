using System.Net;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Access;

/// <summary>
/// Per-address limits key on the visitor's address: behind a listed proxy that is the one it forwards; from anyone else
/// a written X-Forwarded-For changes nothing, so it cannot buy a visitor a fresh limit.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string MintPath = "api/tenants/default/token";

    [Fact]
    public async Task A_spoofed_forwarded_address_does_not_escape_the_mint_limit()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?> { ["Channels:DirectLine:TokenMintsPerMinute"] = "2" });
        var http = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (int i = 1; i <= 4; i++)
            statuses.Add(await MintAsync(http, $"203.0.113.{i}"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_switch_that_trusts_every_proxy_still_trusts_only_loopback_when_none_is_listed()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true alone would believe any sender's header.
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?>
        {
            ["Channels:DirectLine:TokenMintsPerMinute"] = "2",
            ["ForwardedHeaders_Enabled"] = "true",
            ["Access:Proxies:KnownNetworks:0"] = "192.0.2.0/24",
        });
        var http = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (int i = 1; i <= 3; i++)
            statuses.Add(await MintAsync(http, $"203.0.113.{i}"));

        // The test client is 127.0.0.1, which is not in the listed network: its header is not believed.
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task Behind_a_listed_proxy_each_visitor_has_their_own_limit()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?>
        {
            ["Channels:DirectLine:TokenMintsPerMinute"] = "2",
            ["Access:Proxies:KnownProxies:0"] = "127.0.0.1",
        });
        var http = host.NewClient();

        Assert.Equal(HttpStatusCode.OK, await MintAsync(http, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await MintAsync(http, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await MintAsync(http, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await MintAsync(http, "203.0.113.2"));
        // Only the nearest hop counts: an address the visitor prepended is ignored.
        Assert.Equal(HttpStatusCode.TooManyRequests, await MintAsync(http, "198.51.100.7, 203.0.113.1"));
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_the_host_with_the_setting_named()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?> { ["Access:Proxies:KnownNetworks:0"] = "10.0.0.0/99" });

        var refusal = host.StartRefusal();
        Assert.Contains("Access:Proxies", refusal, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> MintAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MintPath);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
