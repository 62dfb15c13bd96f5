using System.Net;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Access;

/// <summary>A production site names its host names (AllowedHosts); a request for any other is a 400, never a 500.</summary>
public sealed class AllowedHostsTests
{
    [Fact]
    public async Task A_host_name_the_site_does_not_serve_is_refused_with_400()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?> { ["AllowedHosts"] = "chat.example-cci.or.jp;127.0.0.1" });
        var http = host.NewClient();

        using var ours = await http.GetAsync("healthz/live");   // live, not ready: the index may still be loading
        using var other = new HttpRequestMessage(HttpMethod.Get, "healthz/live");
        other.Headers.Host = "attacker.example";
        using var refused = await http.SendAsync(other);

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
