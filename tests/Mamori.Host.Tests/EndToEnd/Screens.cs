using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// Screenshots of the chat as it is now, on a 360×740 phone and on the desktop, with the check that every button label
/// fits its button at both widths.
/// </summary>
internal static class Screens
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    public static readonly ViewportSize Desktop = new() { Width = 1000, Height = 900 };

    public static async Task ShootAsync(IPage page, WebChatDriver chat, string name)
    {
        foreach (var (size, suffix) in new[] { (Phone, "360px"), (Desktop, "desktop") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await Task.Delay(400);   // Web Chat re-lays out and scrolls to the bottom
            string[] overflowing = await chat.OverflowingButtonsAsync();
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"{name}-{suffix}") });
            Assert.True(overflowing.Length == 0, $"{name} at {suffix}: button labels overflow: {string.Join(", ", overflowing)}");
        }
    }
}
