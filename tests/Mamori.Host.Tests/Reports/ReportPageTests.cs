using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mamori.Host.Tests.Support;
using Mamori.Host.Access;

namespace Mamori.Host.Tests.Reports;

public sealed class ReportPageTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    private async Task<(DirectLineClient Client, string ReportUrl)> ResultAsync(string tenant = "chamber")
    {
        var client = await DirectLineClient.StartAsync(host.Factory, tenant);
        string id = await client.PostAsync("カード");
        var activities = await client.WaitForAsync(a => a.Any(x => x!["attachments"]?[0]?["content"]?["actions"] is not null));
        string url = (string)activities.Select(a => a!["attachments"]?[0]?["content"]?["actions"]?[0]?["url"]).First(u => u is not null)!;
        return (client, url);
    }

    [Fact]
    public async Task The_signed_link_opens_a_printable_report_with_the_diagnosis_measures_and_desk()
    {
        var (client, url) = await ResultAsync();
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>診断結果：意識の段階で止まっています</h1>", html);
        Assert.Contains("<h2>おすすめの支援</h2>", html);
        Assert.Contains("href=\"https://www.ipa.go.jp/security/security-action/\"", html);
        Assert.Contains("<h2>次の一歩</h2>", html);
        Assert.Contains("テスト商工会議所 経営相談窓口", html);
        Assert.Contains("alt=\"段階の図\"", html);
        Assert.Contains("/report.css", html);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("no-referrer", response.Headers.GetValues("Referrer-Policy"));

        using var css = await client.Http.GetAsync("report.css");
        Assert.Contains("@media print", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_the_link_or_with_a_tampered_one_the_report_is_refused()
    {
        var (client, url) = await ResultAsync();
        string bare = url.Split('?')[0];
        using var noToken = await client.Http.GetAsync(bare);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        using var tampered = await client.Http.GetAsync(url[..^3] + "abc");
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);

        // A conversation token is not a report link.
        using var conversationToken = await client.Http.GetAsync(bare + "?t=" + Uri.EscapeDataString(client.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, conversationToken.StatusCode);
    }

    [Fact]
    public async Task A_shared_adviser_password_no_longer_opens_a_report()
    {
        var (client, url) = await ResultAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, url.Split('?')[0]);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("adviser:any-password-at-all")));
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));   // no browser password prompt any more
    }

    [Fact]
    public async Task A_conversation_without_a_result_says_so_in_japanese()
    {
        var client = await DirectLineClient.StartAsync(host.Factory, "chamber");
        var tokens = host.Factory.Services.GetService(typeof(Mamori.Host.Access.AccessTokens)) as Mamori.Host.Access.AccessTokens;
        string link = tokens!.Issue(new("chamber", client.ConversationId, "dl_x", Mamori.Host.Access.TokenScope.Report), TimeSpan.FromMinutes(5));
        using var response = await client.Http.GetAsync($"report/{client.ConversationId}?t={Uri.EscapeDataString(link)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("診断結果が見つかりません", await response.Content.ReadAsStringAsync());
    }
}
