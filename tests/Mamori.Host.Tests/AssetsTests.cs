using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests;

/// <summary>What the browser gets on a first visit: compressed pages and a Web Chat bundle it can keep, and an icon.</summary>
public sealed partial class AssetsTests
{
    [GeneratedRegex("src=\"(/lib/webchat-[0-9a-f]{16}\\.js)\"")]
    private static partial Regex BundleScript();

    [Fact]
    public async Task The_web_chat_bundle_is_sent_compressed_under_a_versioned_name_the_browser_keeps()
    {
        using var host = new HostFactory();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.BaseAddress };
        string page = await http.GetStringAsync("/");
        string bundle = BundleScript().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no versioned Web Chat script in the page");

        var plain = await http.GetAsync(bundle);
        long plainSize = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(plainSize > 3_000_000, $"the bundle is the full Web Chat ({plainSize} bytes)");

        foreach (string coding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, bundle);
            request.Headers.AcceptEncoding.ParseAdd($"{coding}, deflate");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([coding], response.Content.Headers.ContentEncoding);
            long size = (await response.Content.ReadAsByteArrayAsync()).Length;
            Assert.True(size < plainSize / 2, $"{coding}: {size} bytes of {plainSize}");
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.NotNull(response.Headers.ETag);

            using var again = new HttpRequestMessage(HttpMethod.Get, bundle);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/lib/webchat-0000000000000000.js")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chat.js")]
    [InlineData("/chat.css")]
    [InlineData("/api/tenants/default/widget")]
    public async Task Pages_scripts_styles_and_json_are_compressed(string path)
    {
        using var host = new HostFactory();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_site_has_an_icon_and_the_chat_page_links_it(string path, string type)
    {
        using var host = new HostFactory();
        using var http = host.NewClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<link rel=\"icon\" href=\"{path}\"", await http.GetStringAsync("/"));
    }
}
