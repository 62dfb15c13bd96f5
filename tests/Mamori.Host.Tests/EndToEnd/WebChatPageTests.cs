using Mamori.Host.Tests.Support;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>The official Web Chat at / against the real engine and knowledge index, in headless Chromium.</summary>
public sealed class WebChatPageTests
{
    [ChromiumFact]
    public async Task The_chat_page_completes_a_diagnosis_with_buttons_typing_a_side_question_and_a_reload()
    {
        using var host = new HostFactory(scripted: false);
        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1000, Height = 900 } });
        var page = await context.NewPageAsync();
        var violations = CspWatch.Start(page);

        await page.GotoAsync(host.BaseAddress.AbsoluteUri);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        var chat = new WebChatDriver(() => page.MainFrame);
        await chat.WaitForAsync(async () => (await chat.ButtonsAsync()).Length > 0, "the greeting");
        await DiagnosisRun.AssertImeEnterDoesNotSendAsync(page, chat);

        await DiagnosisRun.RunAsync(chat, () => page.ReloadAsync());

        // A network drop: the live connection is cut; Web Chat reconnects by itself and the conversation goes on.
        await NetworkDrop.CutAndAwaitReconnectAsync(page.MainFrame, host.BaseAddress, "mamori:default:page");
        int before = (await chat.BotTextsAsync()).Length;
        await chat.TypeAsync("ランサムウェアに感染したら、まず何をすればいいですか？");
        Assert.True((await chat.BotTextsAsync()).Length > before, "the bot answers after the reconnect");

        // The result: the stage picture and the card with the link to the printable report.
        Assert.True(await page.Locator(".webchat__basic-transcript img").CountAsync() > 0, "the stage picture is shown");
        var reportButton = page.Locator(".ac-adaptiveCard button", new() { HasTextString = "報告書を見る" });
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("webchat-page"), FullPage = false });

        var report = await page.RunAndWaitForPopupAsync(() => reportButton.First.ClickAsync());
        await report.WaitForLoadStateAsync();
        Assert.Contains("/report/", report.Url);
        Assert.Contains("診断結果", await report.Locator("h1").InnerTextAsync());
        // The stage picture came in an earlier reply than the card; the report still shows it, loaded.
        Assert.True(await report.Locator("figure img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the stage picture is on the report");
        await report.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("report-page"), FullPage = true });

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

/// <summary>Collects Content-Security-Policy violations Chromium reports on the console (page and frames).</summary>
internal static class CspWatch
{
    public static List<string> Start(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (violations) violations.Add(message.Text);
        };
        return violations;
    }
}
