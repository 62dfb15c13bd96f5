using System.Net.Sockets;
using System.Text;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests;

/// <summary>A Host header the server cannot decode is a 400 with a reason on every page, never a 500; every response carries the baseline headers.</summary>
public sealed class HostHeaderTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/desk/login")]
    [InlineData("/healthz")]
    public async Task An_undecodable_host_name_is_refused_with_400(string path)
    {
        string response = await RawGetAsync(path, "xn--");

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("The Host header is not a host name this server can read.", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readable_host_is_served_as_before()
    {
        // Not /healthz: it answers 503 while the host is still warming up, which on a loaded machine can outlast the test.
        var address = host.Factory.BaseAddress;
        Assert.StartsWith("HTTP/1.1 200", await RawGetAsync("/privacy", $"localhost:{address.Port}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/widget.js")]
    [InlineData("/api/tenants/default/widget")]
    [InlineData("/no-such-page")]
    public async Task Every_response_says_nosniff_and_not_which_server_it_is(string path)
    {
        using var response = await host.Factory.NewClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    // HttpClient checks the Host header itself, so the request is written by hand.
    private async Task<string> RawGetAsync(string path, string hostHeader)
    {
        var address = host.Factory.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {hostHeader}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
