using Mamori.Host.Tests.Dashboard;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// The dashboard as a chamber's staff member sees it over 1,200 synthetic companies, on a desktop and on a 360 px phone:
/// signed in through the form, the heat map readable, the charts drawn, and nothing wider than the screen.
/// </summary>
public sealed class DashboardScreenTests
{
    [ChromiumFact]
    public async Task The_dashboard_fits_a_phone_and_a_desktop_with_its_heat_map()
    {
        using var host = new DashboardHost();
        await SyntheticDiagnoses.WriteAsync(host.Store, SyntheticDiagnoses.Generate(host.Kit, host.Keys, "kyoto-cci", companies: 1200, seed: 12));
        await host.Desk.AddStaffAsync("kyoto-cci", "screens", "画面 確認");

        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = Screens.Desktop });
        var page = await context.NewPageAsync();
        await DeskSignIn.SignInAsync(page, host.Desk.Factory.BaseAddress, "kyoto-cci", "screens", Desk.DeskHost.Password);
        await page.GotoAsync(new Uri(host.Desk.Factory.BaseAddress, "/desk/dashboard").AbsoluteUri);

        string text = await page.Locator("body").InnerTextAsync();
        Assert.Contains("いちばんの壁", text);
        Assert.Contains("5社未満", text);
        // Sizes run small to large, as the question asks them, not in the order of their text.
        var sizes = await page.Locator("#barrier-size thead th").AllInnerTextsAsync();
        Assert.Equal(["1〜5人", "6〜20人", "21〜50人", "51〜300人", "301人以上"], sizes.Where(h => h.EndsWith('人') || h.EndsWith("以上")).ToArray());
        // Every chart is drawn by the bundled Chart.js (no CDN: the desk's CSP would refuse one), and not blank.
        int charts = await page.Locator("canvas[data-chart]").CountAsync();
        Assert.True(charts >= 5, $"{charts} charts");
        int drawn = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('canvas[data-chart]')].filter(c => {
              if (!window.Chart || !Chart.getChart(c) || c.width === 0) return false;
              const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
              return false;
            }).length
            """);
        Assert.Equal(charts, drawn);
        foreach (var (size, suffix) in new[] { (Screens.Desktop, "desktop"), (Screens.Phone, "360px") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"dashboard-{suffix}"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"dashboard-top-{suffix}") });
            await page.Locator("table").Nth(1).ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"dashboard-heatmap-{suffix}") });
            await page.Locator("#months").ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"dashboard-months-{suffix}") });
            await page.Locator("#measures").ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"dashboard-measures-{suffix}") });
            // Wide tables may scroll inside their own box; the page itself never scrolls sideways.
            int pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(pageWidth <= size.Width, $"the dashboard is {pageWidth} px wide at {suffix} ({size.Width} px)");
        }
    }
}
