using Mamori.Host.Tests.Support;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>The widget on a chamber's strict-CSP page from another origin, on a 360 px wide phone screen.</summary>
public sealed class WidgetTests
{
    [ChromiumFact]
    public async Task The_widget_completes_a_diagnosis_on_a_phone_under_a_strict_csp_from_another_origin()
    {
        await using var site = await ChamberSite.StartAsync();
        using var host = new HostFactory(scripted: false, new Dictionary<string, string?> { ["Tenants:chamber:AllowedOrigins:0"] = site.Origin });
        site.BotOrigin = host.BaseAddress.AbsoluteUri.TrimEnd('/');
        Assert.NotEqual(site.Origin, site.BotOrigin);

        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        var violations = CspWatch.Start(page);
        await page.GotoAsync(site.Origin);

        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "セキュリティ相談を開く" });
        await launcher.WaitForAsync();
        Assert.Equal("false", await launcher.GetAttributeAsync("aria-expanded"));
        // No CSS leaks in: the page's red `button` rule does not reach the widget, which keeps the chamber's colour.
        Assert.Equal("rgb(10, 107, 61)", await launcher.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        // …and none out: the page keeps its own look.
        Assert.Equal("rgb(0, 0, 128)", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).color"));

        // Keyboard: Enter opens the panel and moves focus into the chat; Esc closes it and gives focus back to the button.
        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var chat = new WebChatDriver(() => WidgetFrame(page));
        await chat.WaitForAsync(async () => (await chat.ButtonsAsync()).Length > 0, "the greeting in the widget");
        var panel = page.GetByRole(AriaRole.Dialog);
        var box = await panel.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 360.5, $"the panel fits a 360 px screen (x={box.X}, width={box.Width})");
        await chat.WaitForAsync(() => chat.SendBox.EvaluateAsync<bool>("e => document.activeElement === e"), "focus in the send box");

        await page.Keyboard.PressAsync("Escape");
        await chat.WaitForAsync(async () => await launcher.GetAttributeAsync("aria-expanded") == "false", "Esc to close the panel");
        Assert.True(await launcher.EvaluateAsync<bool>("b => b.getRootNode().activeElement === b"), "focus returns to the chat button");
        await launcher.ClickAsync();

        await DiagnosisRun.AssertImeEnterDoesNotSendAsync(page, chat);
        await DiagnosisRun.RunAsync(chat, () => page.ReloadAsync());

        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("widget-360px") });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static IFrame WidgetFrame(IPage page) =>
        page.Frames.FirstOrDefault(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal))
        ?? throw new InvalidOperationException("The widget frame is not (yet) there.");
}
