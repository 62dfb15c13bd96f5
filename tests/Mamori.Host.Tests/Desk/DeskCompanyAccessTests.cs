using System.Net;
using Mamori.Desk.Audit;
using Mamori.Host.Desk.Companies;
using Mamori.Host.Desk.Console;

namespace Mamori.Host.Tests.Desk;

/// <summary>A desk's companies are its own: another desk gets 404, bad input a Japanese 4xx page, and deletion erases every run.</summary>
public sealed class DeskCompanyAccessTests(DeskHost host) : IClassFixture<DeskHost>
{
    [Fact]
    public async Task Another_desks_staff_get_404_for_a_company_as_for_an_unknown_id()
    {
        await host.AddStaffAsync("default", "owner-desk", "A窓口 さん");
        await host.AddStaffAsync("chamber", "other-desk", "B窓口 さん");
        var mine = await host.SignedInAsync("default", "owner-desk");
        var company = await host.AddAsync(mine, "default", "A窓口の会社");
        using (await host.DiagnoseAsync(mine, company, _ => 0)) { }

        var other = await host.SignedInAsync("chamber", "other-desk");
        Assert.DoesNotContain("A窓口の会社", await (await other.GetAsync("desk/companies")).Content.ReadAsStringAsync());
        string path = DeskCompanies.PathOf(company);
        using var unknown = await other.GetAsync("desk/companies/no-such-company");
        string unknownHtml = await unknown.Content.ReadAsStringAsync();
        foreach (string page in new[] { path, path + "/diagnose", path + "/report" })
        {
            using var across = await other.GetAsync(page);
            Assert.Equal(HttpStatusCode.NotFound, across.StatusCode);
            string html = await across.Content.ReadAsStringAsync();
            Assert.DoesNotContain("A窓口の会社", html);
            Assert.Contains(CompanyWords.CompanyNotFound, html);
        }
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(CompanyWords.CompanyNotFound, unknownHtml);

        string token = await DeskHost.TokenAsync(other, "desk/companies/new");
        using var delete = await DeskHost.PostAsync(other, path + "/delete", token, ("confirm", "yes"));
        using var run = await DeskHost.PostAsync(other, path + "/diagnose", token, ("q-industry", "retail"));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (delete.StatusCode, run.StatusCode));
        Assert.NotNull(await host.Companies().GetAsync("default", company.Id, default));
        Assert.Single(await host.Companies().ListDiagnosesAsync("default", company.Id, default));
        Assert.DoesNotContain(await host.AuditAsync("chamber"), e => e.Detail is { } d && d.Contains(company.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_gets_a_japanese_4xx_page_and_changes_nothing()
    {
        await host.AddStaffAsync("chamber", "bad-input", "入力 さん");
        var browser = await host.SignedInAsync("chamber", "bad-input");
        var company = await host.AddAsync(browser, "chamber", "入力確認工業");
        string path = DeskCompanies.PathOf(company);
        string token = await DeskHost.TokenAsync(browser, "desk/companies/new");

        async Task Expect(HttpStatusCode status, string text, HttpResponseMessage response)
        {
            using (response)
            {
                Assert.Equal(status, response.StatusCode);
                Assert.Contains(text, await response.Content.ReadAsStringAsync());
            }
        }
        await Expect(HttpStatusCode.BadRequest, CompanyWords.NameMissing, await DeskHost.PostAsync(browser, "desk/companies/new", token, ("name", "  "), ("consent", "yes")));
        await Expect(HttpStatusCode.BadRequest, CompanyWords.NameTooLong,
            await DeskHost.PostAsync(browser, "desk/companies/new", token, ("name", new string('社', CompanyWords.NameMaxLength + 1)), ("consent", "yes")));
        await Expect(HttpStatusCode.BadRequest, CompanyWords.MemoTooLong,
            await DeskHost.PostAsync(browser, "desk/companies/new", token, ("name", "長いメモ社"), ("memo", new string('あ', CompanyWords.MemoMaxLength + 1)), ("consent", "yes")));
        await Expect(HttpStatusCode.BadRequest, DeskWords.FormExpired, await DeskHost.PostAsync(browser, "desk/companies/new", null, ("name", "トークンなし社"), ("consent", "yes")));
        await Expect(HttpStatusCode.BadRequest, CompanyWords.BadAnswer, await DeskHost.PostAsync(browser, path + "/diagnose", token, ("q-industry", "not-a-code")));
        await Expect(HttpStatusCode.NotFound, CompanyWords.CompanyNotFound, await browser.GetAsync("desk/companies/" + new string('x', 101)));
        await Expect(HttpStatusCode.Unauthorized, DeskWords.NotSignedIn, await DeskHost.PostAsync(host.NewBrowser(), path + "/delete", token, ("confirm", "yes")));
        using (var anonymous = await host.NewBrowser().GetAsync(path))
            Assert.Equal(("/desk/login", HttpStatusCode.Redirect), (anonymous.Headers.Location!.OriginalString, anonymous.StatusCode));

        Assert.Equal(["入力確認工業"], (await host.Companies().ListAsync("chamber", default)).Where(c => c.CreatedBy == company.CreatedBy).Select(c => c.Name));
        Assert.Empty(await host.Companies().ListDiagnosesAsync("chamber", company.Id, default));
    }

    [Fact]
    public async Task Deleting_a_company_needs_a_confirmation_and_erases_it_with_its_runs()
    {
        var staff = await host.AddStaffAsync("chamber", "delete-staff", "削除 さん");
        var browser = await host.SignedInAsync("chamber", "delete-staff");
        var company = await host.AddAsync(browser, "chamber", "削除される商事");
        using (await host.DiagnoseAsync(browser, company, _ => 0)) { }
        string path = DeskCompanies.PathOf(company);
        string token = await DeskHost.TokenAsync(browser, path);

        using (var unconfirmed = await DeskHost.PostAsync(browser, path + "/delete", token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            Assert.Contains(CompanyWords.DeleteUnconfirmed, await unconfirmed.Content.ReadAsStringAsync());
        }
        Assert.NotNull(await host.Companies().GetAsync("chamber", company.Id, default));

        using var deleted = await DeskHost.PostAsync(browser, path + "/delete", token, ("confirm", "yes"));
        Assert.Equal("/desk/companies?done=deleted", deleted.Headers.Location!.OriginalString);
        Assert.Null(await host.Companies().GetAsync("chamber", company.Id, default));
        Assert.Empty(await host.Companies().ListDiagnosesAsync("chamber", company.Id, default));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
        string list = await (await browser.GetAsync("desk/companies?done=deleted")).Content.ReadAsStringAsync();
        Assert.Contains(CompanyWords.Done("deleted"), list);
        Assert.DoesNotContain("削除される商事", list);
        Assert.Contains(await host.AuditAsync("chamber"), e => e.Action == AuditAction.CompanyDeleted && e.StaffId == staff.Id && e.Detail == "company " + company.Id);
    }
}
