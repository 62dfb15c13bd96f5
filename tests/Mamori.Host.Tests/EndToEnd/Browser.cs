using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>Headless system Chromium through Playwright, with screenshots kept under TestResults/e2e (git-ignored).</summary>
internal sealed class Browser : IAsyncDisposable
{
    private IPlaywright _playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public static async Task<Browser> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var browser = new Browser { _playwright = await Playwright.CreateAsync() };
        browser.Chromium = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return browser;
    }

    public static string ScreenshotPath(string name)
    {
        string folder = Path.Combine(Support.RepositoryRoot.Path, "TestResults", "e2e");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
