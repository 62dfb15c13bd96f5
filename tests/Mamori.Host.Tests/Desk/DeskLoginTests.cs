using System.Net;
using Mamori.Desk.Audit;
using Mamori.Desk.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tests.Desk;

public sealed class DeskLoginTests(DeskHost host) : IClassFixture<DeskHost>
{
    [Fact]
    public async Task Staff_sign_in_with_a_strict_http_only_cookie_and_see_the_list()
    {
        var staff = await host.AddStaffAsync("default", "sato-login", "佐藤 花子");
        var browser = host.NewBrowser();
        using var response = await DeskHost.LoginAsync(browser, "default", "ＳＡＴＯ-login", DeskHost.Password);   // full-width: the same login

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mamori-desk=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/desk", cookie, StringComparison.OrdinalIgnoreCase);

        using var list = await browser.GetAsync("desk");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        string html = await list.Content.ReadAsStringAsync();
        Assert.Contains("相談の一覧", html);
        Assert.Contains("佐藤 花子", html);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"30\">", html);
        string policy = list.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);   // the live updates' own file, never inline script
        Assert.Equal(["<script src=\"/desk-live.js\" defer></script>"], System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>[^<]*</script>").Select(m => m.Value));

        var audit = await host.AuditAsync("default");
        Assert.Contains(audit, e => e.Action == AuditAction.Login && e.StaffId == staff.Id);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_get_the_same_answer_and_are_audited()
    {
        var staff = await host.AddStaffAsync("default", "wrong-pw", "鈴木 一郎");
        var browser = host.NewBrowser();
        using var wrong = await DeskHost.LoginAsync(browser, "default", "wrong-pw", "not-the-password-at-all");
        using var unknown = await DeskHost.LoginAsync(browser, "default", "nobody-here", DeskHost.Password);
        using var otherTenant = await DeskHost.LoginAsync(browser, "chamber", "wrong-pw", DeskHost.Password);

        foreach (var response in new[] { wrong, unknown, otherTenant })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("ログインIDまたはパスワードが違います。", await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("mamori-desk=", StringComparison.Ordinal));
        }
        var audit = await host.AuditAsync("default");
        Assert.Contains(audit, e => e.Action == AuditAction.LoginFailed && e.StaffId == staff.Id);
        Assert.Contains(audit, e => e.Action == AuditAction.LoginFailed && e.StaffId is null && e.Detail == "login nobody-here");
        Assert.DoesNotContain(audit, e => e.Detail?.Contains(DeskHost.Password, StringComparison.Ordinal) == true);

        using var list = await browser.GetAsync("desk");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/desk/login", list.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_and_a_disabled_session_ends()
    {
        await host.AddStaffAsync("default", "gone-staff", "退職 太郎", disabled: true);
        var browser = host.NewBrowser();
        using var refused = await DeskHost.LoginAsync(browser, "default", "gone-staff", DeskHost.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("ログインIDまたはパスワードが違います。", await refused.Content.ReadAsStringAsync());

        var later = await host.AddStaffAsync("default", "leaving-staff", "異動 次郎");
        var signedIn = await host.SignedInAsync("default", "leaving-staff");
        await host.Store.DisableStaffAsync("default", later.Id, default);
        using var list = await signedIn.GetAsync("desk");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Fact]
    public async Task A_hash_in_an_older_format_is_replaced_at_sign_in()
    {
        var old = new PasswordHasher<StaffAccount>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        string oldHash = old.HashPassword(null!, DeskHost.Password);
        var added = await host.Store.AddStaffAsync(new NewStaff("default", "old-hash", "古い さん", StaffRole.Staff, oldHash), default);

        await host.SignedInAsync("default", "old-hash");
        var after = await host.Store.GetStaffAsync("default", added.Account!.Id, default);
        Assert.NotEqual(oldHash, after!.PasswordHash);
        Assert.Equal(0x01, Convert.FromBase64String(after.PasswordHash)[0]);   // Identity's V3 format
        await host.SignedInAsync("default", "old-hash");
    }

    [Fact]
    public async Task Too_many_attempts_for_one_login_get_429_in_Japanese()
    {
        await host.AddStaffAsync("default", "limited", "制限 さん");
        var browser = host.NewBrowser();
        for (int i = 0; i < 5; i++)
        {
            using var attempt = await DeskHost.LoginAsync(browser, "default", "limited", "guess-number-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var blocked = await DeskHost.LoginAsync(browser, "default", "LIMITED", DeskHost.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("ログインの試行が多すぎます", await blocked.Content.ReadAsStringAsync());
        Assert.Equal("60", blocked.Headers.RetryAfter!.ToString());

        // Another login is not blocked by it.
        await host.AddStaffAsync("default", "not-limited", "別の さん");
        await host.SignedInAsync("default", "not-limited");
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_field_is_400_and_logout_ends_the_session()
    {
        await host.AddStaffAsync("default", "forgery", "偽造 確認");
        var browser = host.NewBrowser();
        using var forged = await DeskHost.PostAsync(browser, "desk/login", null, ("tenant", "default"), ("login", "forgery"), ("password", DeskHost.Password));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("もう一度お試しください", await forged.Content.ReadAsStringAsync());

        var signedIn = await host.SignedInAsync("default", "forgery");
        string token = await DeskHost.TokenAsync(signedIn, "desk");
        using var noToken = await DeskHost.PostAsync(signedIn, "desk/logout", null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using var logout = await DeskHost.PostAsync(signedIn, "desk/logout", token);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var list = await signedIn.GetAsync("desk");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }
}

/// <summary>Its own host: the per-address limit counts every sign-in from 127.0.0.1.</summary>
public sealed class DeskLoginAddressLimitTests : IDisposable
{
    private readonly DeskHost _host = new(new Dictionary<string, string?> { ["Mamori:Desk:Console:LoginsPerMinutePerAddress"] = "3" });

    [Fact]
    public async Task Too_many_attempts_from_one_address_get_429_in_Japanese()
    {
        var browser = _host.NewBrowser();
        for (int i = 0; i < 3; i++)
        {
            using var attempt = await DeskHost.LoginAsync(browser, "default", "someone-" + i, "whatever-password");
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var blocked = await DeskHost.LoginAsync(browser, "default", "someone-else", "whatever-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("ログインの試行が多すぎます", await blocked.Content.ReadAsStringAsync());
        Assert.Contains("text/html", blocked.Content.Headers.ContentType!.ToString());
    }

    public void Dispose() => _host.Dispose();
}
