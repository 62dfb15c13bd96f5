using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Host.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// The console in Chromium at 360 px and on a desktop: sign in through the form, the list, the sheet. Nothing wider
/// than the screen, no console error (the live script included), screenshots under TestResults/e2e (desk-*.png).
/// </summary>
public sealed class DeskScreenTests
{
    [ChromiumFact]
    public async Task The_list_and_the_sheet_fit_a_phone_and_a_desktop()
    {
        using var host = new DeskHost();
        var boss = await host.AddStaffAsync("chamber", "screen-boss", "山田 太郎", StaffRole.Supervisor);
        await host.AddStaffAsync("chamber", "screen-staff", "佐藤 花子");
        var now = DateTimeOffset.UtcNow;
        var first = await host.OpenCaseAsync("chamber", "担当者と話したい", "line", DeskCaseTests.Snapshot(now.AddMinutes(-12)));
        await host.OpenCaseAsync("chamber", "パソコンがウイルスに感染したかもしれません。取引先から怪しいメールが届いたと連絡があり、どうすればよいかわかりません。", "directline");
        var taken = await host.OpenCaseAsync("chamber", "補助金の相談をしたい", "msteams", DeskCaseTests.Snapshot(now));
        await host.Store.TakeAsync("chamber", taken.Id, boss.Id, taken.Version, default);

        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = Screens.Phone });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add(message.Text); };

        await page.GotoAsync(new Uri(host.Factory.BaseAddress, "/desk/login?tenant=chamber").AbsoluteUri);
        await ShootAsync(page, "desk-login");
        await DeskSignIn.SignInAsync(page, host.Factory.BaseAddress, "chamber", "screen-boss", DeskHost.Password);
        await ShootAsync(page, "desk-list");

        await page.GotoAsync(new Uri(host.Factory.BaseAddress, "/desk/cases/" + Uri.EscapeDataString(first.Id)).AbsoluteUri);
        Assert.Contains(CaseReference.Of(first.Id), await page.TitleAsync());
        await ShootAsync(page, "desk-sheet-waiting");
        await page.GotoAsync(new Uri(host.Factory.BaseAddress, "/desk/cases/" + Uri.EscapeDataString(taken.Id)).AbsoluteUri);
        await ShootAsync(page, "desk-sheet-taken");

        Assert.True(problems.Count == 0, "console messages: " + string.Join("\n", problems));
    }

    internal static async Task ShootAsync(IPage page, string name)
    {
        foreach (var (size, suffix) in new[] { (Screens.Phone, "360px"), (Screens.Desktop, "desktop") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"{name}-{suffix}"), FullPage = true });
            int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= size.Width, $"{name} at {suffix}: the page is {scrollWidth} px wide");
            string[] cut = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('button, .desk-badge, .desk-ref, label, dt, dd')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())");
            Assert.True(cut.Length == 0, $"{name} at {suffix}: text cut in {string.Join(", ", cut)}");
        }
    }
}
