using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// Drives the official Web Chat like a person: reads the bot's bubbles, presses suggested-action buttons or types
/// Japanese into the send box, and waits until the bot has finished answering. <paramref name="frame"/> is asked
/// again each time, because a reload replaces the frame.
/// </summary>
internal sealed partial class WebChatDriver(Func<IFrame> frame)
{
    private const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content";
    private const string UserBubbles = ".webchat__bubble--from-user .webchat__bubble__content";

    [GeneratedRegex(@"【(\d+)/(\d+)】")]
    private static partial Regex QuestionNumber();

    public Task<string[]> BotTextsAsync() =>
        frame().EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{BotBubbles}')].map(e => e.innerText)");

    public Task<int> UserCountAsync() =>
        frame().EvaluateAsync<int>($"() => document.querySelectorAll('{UserBubbles}').length");

    public Task<string[]> ButtonsAsync() =>
        frame().EvaluateAsync<string[]>("() => [...document.querySelectorAll('button.webchat__suggested-action')].map(e => e.innerText.trim())");

    public ILocator SendBox => frame().Locator(".webchat__send-box-text-box__input");

    /// <summary>The send box is there and takes typing (not disabled, not read-only).</summary>
    public Task<bool> SendBoxUsableAsync() =>
        frame().EvaluateAsync<bool>("() => { const e = document.querySelector('.webchat__send-box-text-box__input'); return !!e && !e.disabled && !e.readOnly; }");

    /// <summary>Suggested-action buttons whose label does not fit (scrollWidth &gt; clientWidth), with both widths.</summary>
    public Task<string[]> OverflowingButtonsAsync() =>
        frame().EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button.webchat__suggested-action')]
                .filter(b => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight + 1)
                .map(b => `${b.innerText.trim()} (${b.scrollWidth}>${b.clientWidth} or ${b.scrollHeight}>${b.clientHeight})`)
            """);

    public async Task<bool> HasResultCardAsync() => await frame().Locator(".ac-adaptiveCard").CountAsync() > 0;

    /// <summary>The question number (【n/25】) of the latest question the bot asked, or 0.</summary>
    public async Task<int> CurrentQuestionAsync()
    {
        var texts = await BotTextsAsync();
        for (int i = texts.Length - 1; i >= 0; i--)
        {
            if (QuestionNumber().Match(texts[i]) is { Success: true } m)
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public async Task TypeAsync(string text)
    {
        int before = (await BotTextsAsync()).Length;
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
        await WaitForBotAsync(before);
    }

    public async Task PressAsync(string label)
    {
        int before = (await BotTextsAsync()).Length;
        await frame().Locator("button.webchat__suggested-action", new() { HasTextString = label }).First.ClickAsync();
        await WaitForBotAsync(before);
    }

    /// <summary>Waits for at least one new bot bubble, then until no more arrive for a moment (a turn may send several).</summary>
    public async Task<string[]> WaitForBotAsync(int before, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string[] texts;
        while ((texts = await BotTextsAsync()).Length <= before)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The bot did not answer. Last bubbles: {string.Join(" | ", texts.TakeLast(3))}");
            await Task.Delay(100);
        }
        int count = texts.Length;
        while (true)
        {
            await Task.Delay(500);
            texts = await BotTextsAsync();
            if (texts.Length == count && await frame().Locator(".webchat__typing-indicator").CountAsync() == 0)
                return texts;
            count = texts.Length;
        }
    }

    /// <summary>During a reload the frame is briefly missing or navigating; that counts as "not yet".</summary>
    private static async Task<bool> SafelyAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException)
        {
            return false;
        }
    }

    public async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await SafelyAsync(condition))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
