using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Access;

/// <summary>Browsers that reached the site over HTTPS (through a listed proxy) are told to stay on HTTPS; plain local runs are not.</summary>
public sealed class HstsTests
{
    [Fact]
    public async Task Https_through_a_known_proxy_gets_strict_transport_security_in_production()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?> { ["Access:Proxies:KnownProxies:0"] = "127.0.0.1" },
            environment: "Production");
        var http = host.NewClient();

        using var https = new HttpRequestMessage(HttpMethod.Get, "healthz");
        https.Headers.Add("X-Forwarded-Proto", "https");
        https.Headers.Host = "chat.example-cci.or.jp";
        using var secure = await http.SendAsync(https);
        using var plain = await http.GetAsync("healthz");

        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
