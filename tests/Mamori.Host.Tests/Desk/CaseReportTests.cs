using System.Net;
using Mamori.Core.Dialogs;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// The adviser's view of an owner's report is opened from the case, by a staff member signed in with their own account;
/// each look is audited. Nobody else gets it: not a visitor, not another chamber's desk.
/// </summary>
public sealed class CaseReportTests : IDisposable
{
    private readonly DeskHost _host = new();

    [Fact]
    public async Task A_signed_in_adviser_opens_the_cases_report_with_the_cautions_and_it_is_audited()
    {
        var deskCase = await CaseWithResultAsync("chamber");
        var adviser = await _host.AddStaffAsync("chamber", "report-reader", "高橋 一郎");
        var browser = await _host.SignedInAsync("chamber", "report-reader");

        using var response = await browser.GetAsync($"desk/cases/{deskCase.Id}/report");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>診断結果：意識の段階で止まっています</h1>", html);
        Assert.Contains("相談員向けの注意", html);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var audit = await _host.AuditAsync("chamber");
        Assert.Contains(audit, e => e.Action == AuditAction.ReportViewed && e.StaffId == adviser.Id && e.CaseId == deskCase.Id);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_another_desk_finds_nothing()
    {
        var deskCase = await CaseWithResultAsync("chamber");
        await _host.AddStaffAsync("default", "other-desk", "別の 窓口");
        var other = await _host.SignedInAsync("default", "other-desk");

        using var anonymous = await _host.NewBrowser().GetAsync($"desk/cases/{deskCase.Id}/report");
        using var foreign = await other.GetAsync($"desk/cases/{deskCase.Id}/report");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/desk/login", anonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("診断結果：", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_case_opened_before_any_result_says_there_is_no_report()
    {
        var deskCase = await _host.OpenCaseAsync("chamber", "途中で相談");
        await _host.AddStaffAsync("chamber", "early-case", "早い 相談");
        var browser = await _host.SignedInAsync("chamber", "early-case");

        using var response = await browser.GetAsync($"desk/cases/{deskCase.Id}/report");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("この相談には報告書がありません。", await response.Content.ReadAsStringAsync());
    }

    /// <summary>An owner who saw their result (the scripted bot's card) and then asked the desk.</summary>
    private async Task<DeskCase> CaseWithResultAsync(string tenant)
    {
        var client = await DirectLineClient.StartAsync(_host.Factory, tenant);
        await client.PostAsync("カード");
        await client.WaitForAsync(a => a.Any(x => x!["attachments"]?[0]?["content"]?["actions"] is not null));
        var opening = await _host.Store.OpenCaseAsync(
            new NewCase(new ConversationKey(tenant, client.ConversationId), "user-1", "directline", "結果について相談したい", CaseSnapshot.Empty), default);
        return opening.Case;
    }

    public void Dispose() => _host.Dispose();
}
