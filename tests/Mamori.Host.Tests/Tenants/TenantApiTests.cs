using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Tenants;

public sealed class TenantApiTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    [Fact]
    public async Task The_page_token_endpoint_refuses_origins_the_tenant_does_not_allow()
    {
        var http = host.Factory.NewClient();
        using var allowed = await PostWithOrigin(http, "api/tenants/chamber/token", HostFactory.ChamberOrigin);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HostFactory.ChamberOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = await PostWithOrigin(http, "api/tenants/chamber/token", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));

        // The chamber's origin may not mint tokens for another tenant either.
        using var otherTenant = await PostWithOrigin(http, "api/tenants/default/token", HostFactory.ChamberOrigin);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);

        using var unknown = await http.PostAsync("api/tenants/nope/token", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_tenant_that_lists_its_pages_mints_no_token_for_a_caller_without_an_origin()
    {
        var http = host.Factory.NewClient();
        using var script = await http.PostAsync("api/tenants/chamber/token", null);
        Assert.Equal(HttpStatusCode.Forbidden, script.StatusCode);
        Assert.Contains("tokens/generate", await script.Content.ReadAsStringAsync());

        // The chamber's own server still starts conversations, with its secret.
        using var generate = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
        generate.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", HostFactory.ChamberSecret);
        using var server = await http.SendAsync(generate);
        Assert.Equal(HttpStatusCode.OK, server.StatusCode);

        // The embedded default, which lists no pages, is reached from this machine without an origin, as before.
        using var local = await http.PostAsync("api/tenants/default/token", null);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Preflight_allows_the_headers_directlinejs_sends_for_allowed_origins_only()
    {
        var http = host.Factory.NewClient();
        using var preflight = await Preflight(http, HostFactory.ChamberOrigin);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        string headers = string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Contains("x-ms-bot-agent", headers);

        using var foreign = await Preflight(http, "https://evil.example");
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_token_used_from_an_origin_its_tenant_does_not_allow_gets_403()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);   // default tenant: host origin only
        var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities");
        request.Headers.Authorization = new("Bearer", client.Token);
        request.Headers.Add("Origin", HostFactory.ChamberOrigin);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_widget_configuration_carries_the_tenant_colours_and_japanese_labels()
    {
        var http = host.Factory.NewClient();
        var config = await http.GetFromJsonAsync<JsonObject>("api/tenants/chamber/widget");
        Assert.Equal("テスト商工会議所", (string?)config!["displayName"]);
        Assert.Equal("#0a6b3d", (string?)config["primaryColor"]);
        Assert.Equal("セキュリティ相談を開く", (string?)config["openLabel"]);
        Assert.EndsWith("/widget/frame?tenant=chamber", (string?)config["frameUrl"]);
    }

    [Fact]
    public async Task Chat_pages_carry_a_strict_csp_with_a_nonce_and_no_inline_script()
    {
        var http = host.Factory.NewClient();
        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<style", html);

        using var frame = await http.GetAsync("/widget/frame?tenant=chamber");
        Assert.Contains($"frame-ancestors 'self' {HostFactory.ChamberOrigin}", frame.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("テスト商工会議所", await frame.Content.ReadAsStringAsync());

        using var unknown = await http.GetAsync("/widget/frame?tenant=nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Web_chat_and_the_widget_script_are_served()
    {
        var http = host.Factory.NewClient();
        using var webchat = await http.GetAsync("lib/webchat.js");
        Assert.Equal(HttpStatusCode.OK, webchat.StatusCode);
        Assert.True(webchat.Content.Headers.ContentLength > 1_000_000, "the full Web Chat bundle is served");
        using var widget = await http.GetAsync("widget.js");
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
    }

    private static Task<HttpResponseMessage> PostWithOrigin(HttpClient http, string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Origin", origin);
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Preflight(HttpClient http, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return http.SendAsync(request);
    }
}
