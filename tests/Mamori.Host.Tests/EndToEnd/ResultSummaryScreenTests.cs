using Mamori.Host.Tests.Support;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// The result on a 360×740 phone: the summary card fits one screen of the chat, nothing is said twice, and 「くわしく」
/// brings the reasons with the stage picture.
/// </summary>
public sealed class ResultSummaryScreenTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task On_a_phone_the_result_summary_fits_one_screen_and_くわしく_shows_the_picture()
    {
        using var host = new HostFactory(scripted: false);
        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = Screens.Phone });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.AbsoluteUri);
        var chat = new WebChatDriver(() => page.MainFrame);
        await chat.WaitForAsync(async () => (await chat.ButtonsAsync()).Length > 0, "the greeting");

        // Buttons only, always the first one, until the result card arrives.
        for (int presses = 0; !await chat.HasResultCardAsync(); presses++)
        {
            Assert.True(presses < 40, "no result after 40 presses");
            await chat.PressAsync((await chat.ButtonsAsync())[0]);
        }

        var frame = page.MainFrame;
        await Task.Delay(500);   // Web Chat scrolls to the newest message
        // Where the card is in the visible chat area once Web Chat has scrolled to the end: all of it must be on screen.
        var box = await frame.EvaluateAsync<double[]>("""
            () => {
              const card = document.querySelector('.ac-adaptiveCard').getBoundingClientRect();
              const view = document.querySelector('.webchat__basic-transcript__scrollable').getBoundingClientRect();
              return [card.top - view.top, view.bottom - card.bottom, card.height, view.height];
            }
            """);
        output.WriteLine($"summary card {box[2]:0} px high in a chat area of {box[3]:0} px at 360×740; {box[0]:0} px below its top, {box[1]:0} px above its bottom");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("result-summary-360px") });
        Assert.True(box[0] >= 0 && box[1] >= 0, $"the summary card ({box[2]:0} px) does not fit the phone's chat area ({box[3]:0} px): top {box[0]:0}, bottom {box[1]:0}");

        // The summary is the card only: its first sentence is not also sent as a text bubble.
        var texts = await chat.BotTextsAsync();
        Assert.DoesNotContain(texts, t => t.Contains("【診断結果】", StringComparison.Ordinal));
        Assert.Equal("くわしく", (await chat.ButtonsAsync())[0]);

        await chat.PressAsync("くわしく");
        var details = await chat.BotTextsAsync();
        Assert.Contains(details, t => t.StartsWith("【そう判断した理由】", StringComparison.Ordinal));
        Assert.Contains(details, t => t.StartsWith("【次にやること】", StringComparison.Ordinal));
        await chat.WaitForAsync(() => frame.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('.webchat__basic-transcript img')].some(i => i.complete && i.naturalWidth > 0)"), "the stage picture");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("result-details-360px") });

        // 「お近くの相談先」 leads 【次にやること】, named for the prefecture (the first button: 北海道).
        var next = Assert.Single(details, t => t.StartsWith("【次にやること】", StringComparison.Ordinal));
        Assert.Contains("■ お近くの相談先", next);
        Assert.Contains("北海道のよろず支援拠点", next);
        Assert.Contains("北海道警察のサイバー犯罪相談窓口", next);
        // Scrolled back up as an owner would, with the wheel (Web Chat sticks to the end on a scroll by script).
        await page.Mouse.MoveAsync(180, 300);
        for (int i = 0; i < 40 && await frame.EvaluateAsync<double>("""
            () => [...document.querySelectorAll('.webchat__basic-transcript p, .webchat__basic-transcript div')]
              .filter(e => e.textContent.includes('■ お近くの相談先')).pop()?.getBoundingClientRect().top ?? 0
            """) < 60; i++)
            await page.Mouse.WheelAsync(0, -150);
        await Task.Delay(300);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("result-local-help-360px") });
    }
}
