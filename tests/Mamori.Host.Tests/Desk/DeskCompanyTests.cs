using System.Net;
using Mamori.Desk.Audit;
using Mamori.Host.Desk.Companies;

namespace Mamori.Host.Tests.Desk;

/// <summary>An adviser adds a company with the owner's consent, diagnoses it twice, sees what changed, and prints the report with their name.</summary>
public sealed class DeskCompanyTests(DeskHost host) : IClassFixture<DeskHost>
{
    [Fact]
    public async Task A_company_is_added_only_with_the_owners_consent_and_the_console_links_to_the_companies()
    {
        var staff = await host.AddStaffAsync("chamber", "consent-staff", "同意 さん");
        var browser = await host.SignedInAsync("chamber", "consent-staff");
        Assert.Contains("href=\"/desk/companies\">会社の診断</a>", await (await browser.GetAsync("desk")).Content.ReadAsStringAsync());

        string form = await (await browser.GetAsync("desk/companies/new")).Content.ReadAsStringAsync();
        Assert.Contains(CompanyWords.Consent, form);
        using var refused = await DeskHost.PostAsync(browser, "desk/companies/new", DeskHost.Token(form), ("name", "同意なし工業"), ("memo", "訪問予定"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        string again = await refused.Content.ReadAsStringAsync();
        Assert.Contains(CompanyWords.NoConsent, again);
        Assert.Contains("value=\"同意なし工業\"", again);
        Assert.DoesNotContain(await host.Companies().ListAsync("chamber", default), c => c.Name == "同意なし工業");

        var before = DateTimeOffset.UtcNow;
        var company = await host.AddAsync(browser, "chamber", "同意あり<b>工業</b>");
        Assert.Equal(("山田 太郎", staff.Id), (company.ContactName, company.CreatedBy));
        Assert.InRange(company.ConsentedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);

        string list = await (await browser.GetAsync("desk/companies")).Content.ReadAsStringAsync();
        Assert.Contains("同意あり&lt;b&gt;工業&lt;/b&gt;", list);
        Assert.Contains("同意 さん", list);
        Assert.Contains(await host.AuditAsync("chamber"), e => e.Action == AuditAction.CompanyAdded && e.StaffId == staff.Id && e.Detail == "company " + company.Id);
    }

    [Fact]
    public async Task Diagnosing_twice_keeps_both_runs_and_shows_what_changed()
    {
        await host.AddStaffAsync("chamber", "twice-staff", "二回 さん");
        var browser = await host.SignedInAsync("chamber", "twice-staff");
        var company = await host.AddAsync(browser, "chamber", "二回診断製作所");

        using var formPage = await browser.GetAsync(DeskCompanies.PathOf(company) + "/diagnose");
        string form = await formPage.Content.ReadAsStringAsync();
        var questions = host.Kit().Script.Questions;
        Assert.Equal(questions.Count, CountOf(form, "<fieldset class=\"desk-question\">"));
        Assert.Equal(questions.Count, CountOf(form, ">わからない<") + CountOf(form, "> わからない</label>"));
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=\"/desk-live.js\")", form);   // no inline script: the CSP allows only the console's own file

        using (var first = await host.DiagnoseAsync(browser, company, _ => 0))
            Assert.Equal("/" + DeskCompanies.PathOf(company) + "?done=diagnosed", first.Headers.Location!.OriginalString);
        using (var second = await host.DiagnoseAsync(browser, company, id => id == "industry" ? 1 : id.StartsWith("m_", StringComparison.Ordinal) ? 9 : 0))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var runs = await host.Companies().ListDiagnosesAsync("chamber", company.Id, default);
        Assert.Equal(2, runs.Count);
        var industry = questions.First(q => q.Id == "industry");
        Assert.Equal((industry.Choices[0].Code, industry.Choices[1].Code), (runs[0].Answers.CodeOf("industry"), runs[1].Answers.CodeOf("industry")));

        string sheet = await (await browser.GetAsync(DeskCompanies.PathOf(company))).Content.ReadAsStringAsync();
        Assert.Contains("前回からの変化", sheet);
        Assert.Contains($"<th scope=\"row\">業種</th><td>{industry.Choices[0].Label}</td><td>{industry.Choices[1].Label}</td>", sheet);
        Assert.Contains($"<th scope=\"row\">主な課題</th><td>{CompanyWords.Barrier(runs[0])}</td><td>{CompanyWords.Barrier(runs[1])}</td>", sheet);
        Assert.Contains($"<td>{CompanyWords.Step(runs[0])}</td><td>{CompanyWords.Step(runs[1])}</td>", sheet);
        Assert.Contains("もう一度診断する", sheet);

        // The form of a third run starts from the second run's answers.
        string third = await (await browser.GetAsync(DeskCompanies.PathOf(company) + "/diagnose")).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"q-industry\" value=\"{industry.Choices[1].Code}\" checked>", third);

        var audit = await host.AuditAsync("chamber");
        Assert.Equal(2, audit.Count(e => e.Action == AuditAction.CompanyDiagnosed && e.Detail!.StartsWith("company " + company.Id, StringComparison.Ordinal)));
        Assert.Contains(audit, e => e.Action == AuditAction.CompanyViewed && e.Detail == "company " + company.Id);
    }

    [Fact]
    public async Task A_form_sent_without_answers_counts_each_as_unknown_and_names_no_barrier()
    {
        await host.AddStaffAsync("chamber", "unknown-staff", "不明 さん");
        var browser = await host.SignedInAsync("chamber", "unknown-staff");
        var company = await host.AddAsync(browser, "chamber", "まだわからない社");
        string token = await DeskHost.TokenAsync(browser, DeskCompanies.PathOf(company) + "/diagnose");

        using (var sent = await DeskHost.PostAsync(browser, DeskCompanies.PathOf(company) + "/diagnose", token))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var run = Assert.Single(await host.Companies().ListDiagnosesAsync("chamber", company.Id, default));
        Assert.Equal((null, null), (run.PrimaryBarrier, run.MaturityStep));
        Assert.All(run.Answers, a => Assert.Equal("unknown", a.Value.Code));
        Assert.Equal(host.Kit().Script.EffectiveCodes(run.Answers).Count, run.Answers.Count);
        string sheet = await (await browser.GetAsync(DeskCompanies.PathOf(company))).Content.ReadAsStringAsync();
        Assert.Equal(2, CountOf(sheet, "<td>" + CompanyWords.Undetermined + "</td>"));
    }

    [Fact]
    public async Task The_printed_report_of_a_run_names_the_adviser_and_the_desk()
    {
        var staff = await host.AddStaffAsync("chamber", "print-staff", "印刷 花子");
        var browser = await host.SignedInAsync("chamber", "print-staff");
        var company = await host.AddAsync(browser, "chamber", "印刷商店");

        using (var none = await browser.GetAsync(DeskCompanies.PathOf(company) + "/report"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Contains(CompanyWords.NoReport, await none.Content.ReadAsStringAsync());
        }
        using (await host.DiagnoseAsync(browser, company, _ => 0)) { }
        var run = Assert.Single(await host.Companies().ListDiagnosesAsync("chamber", company.Id, default));

        using var report = await browser.GetAsync(DeskCompanies.PathOf(company) + "/report?run=" + Uri.EscapeDataString(run.Id));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        string html = await report.Content.ReadAsStringAsync();
        Assert.Contains("担当：印刷 花子（テスト商工会議所 経営相談窓口）", html);
        Assert.Contains("report-print", html);
        Assert.Contains(host.Kit().Script.Questions.First(q => q.Id == "industry").Choices[0].Label, html);
        Assert.Contains("script-src 'self'", report.Headers.GetValues("Content-Security-Policy").Single());

        using var latest = await browser.GetAsync(DeskCompanies.PathOf(company) + "/report");
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        using var unknownRun = await browser.GetAsync(DeskCompanies.PathOf(company) + "/report?run=no-such-run");
        Assert.Equal(HttpStatusCode.NotFound, unknownRun.StatusCode);
        Assert.Contains(await host.AuditAsync("chamber"), e => e.Action == AuditAction.CompanyReportPrinted && e.StaffId == staff.Id
            && e.Detail == $"company {company.Id} run {run.Id}");
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
