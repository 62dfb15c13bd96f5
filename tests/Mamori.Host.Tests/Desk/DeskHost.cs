using System.Net;
using System.Text.RegularExpressions;
using Mamori.Core.Dialogs;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// A scripted host with its own desk file (a temp SQLite per host), and helpers that make staff and cases through the
/// real <see cref="IDeskStore"/> and drive the console over HTTP as a browser would: cookies, the antiforgery field.
/// </summary>
public sealed partial class DeskHost : IDisposable
{
    public const string Password = "correct-horse-battery";

    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-desk-console-").FullName;

    public DeskHost() : this(null) { }

    /// <param name="scripted">False: the real dialog engine, for conversations that must resume where they were.</param>
    internal DeskHost(IDictionary<string, string?>? settings, bool scripted = true)
    {
        var all = new Dictionary<string, string?>
        {
            ["Mamori:Desk:SqlitePath"] = Path.Combine(_folder, "desk.db"),
            ["Mamori:Desk:Console:LoginsPerMinutePerAddress"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        Factory = new HostFactory(scripted, all);
    }

    public HostFactory Factory { get; }

    public IDeskStore Store => Factory.Services.GetRequiredService<IDeskStore>();

    public async Task<StaffAccount> AddStaffAsync(string tenant, string login, string name, StaffRole role = StaffRole.Staff, bool disabled = false)
    {
        var passwords = Factory.Services.GetRequiredService<StaffPasswords>();
        Assert.True(passwords.TryHash(login, Password, out var hash, out _));
        var added = await Store.AddStaffAsync(new NewStaff(tenant, login, name, role, hash), default);
        var account = added.Account!;
        if (disabled)
            Assert.True(await Store.DisableStaffAsync(tenant, account.Id, default));
        return account;
    }

    public async Task<DeskCase> OpenCaseAsync(string tenant, string reason, string channel = "directline", CaseSnapshot? snapshot = null)
    {
        var opening = await Store.OpenCaseAsync(
            new NewCase(new ConversationKey(tenant, "conv-" + Guid.NewGuid().ToString("N")), "user-1", channel, reason, snapshot ?? CaseSnapshot.Empty), default);
        return opening.Case;
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string tenant) => await Store.ReadAuditAsync(tenant, 500, default);

    /// <summary>A browser without redirects followed, so tests see each 302.</summary>
    public HttpClient NewBrowser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = Factory.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A signed-in browser (asserts the redirect to the list).</summary>
    public async Task<HttpClient> SignedInAsync(string tenant, string login)
    {
        var browser = NewBrowser();
        using var response = await LoginAsync(browser, tenant, login, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/desk", response.Headers.Location!.OriginalString);
        return browser;
    }

    /// <summary>Signs in and returns the session cookie as a Cookie header value, for clients that keep no cookies (a WebSocket).</summary>
    public async Task<string> SessionCookieAsync(string tenant, string login)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Factory.BaseAddress };
        using var page = await browser.GetAsync("desk/login?tenant=" + Uri.EscapeDataString(tenant));
        string antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tenant"] = tenant, ["login"] = login, ["password"] = Password,
            ["__RequestVerificationToken"] = Token(await page.Content.ReadAsStringAsync()),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "desk/login") { Content = form };
        request.Headers.Add("Cookie", antiforgery);
        using var signedIn = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("mamori-desk=", StringComparison.Ordinal));
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string tenant, string login, string password)
    {
        string token = await TokenAsync(browser, "desk/login?tenant=" + Uri.EscapeDataString(tenant));
        return await PostAsync(browser, "desk/login", token, ("tenant", tenant), ("login", login), ("password", password));
    }

    /// <summary>The antiforgery field of the page's (first) form.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        using var page = await browser.GetAsync(path);
        string html = await page.Content.ReadAsStringAsync();
        return Token(html);
    }

    public static string Token(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "no antiforgery field in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string? token, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
            all.Add(new("__RequestVerificationToken", token));
        return browser.PostAsync(path, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose()
    {
        Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on some platform: the temp folder is cleaned by the system
        }
    }
}
