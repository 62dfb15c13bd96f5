namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// The owner is never left at a dead end: the last bot message offers buttons, or a question is pending and the send
/// box takes typing.
/// </summary>
internal static class WayForward
{
    public static async Task AssertAsync(WebChatDriver chat, string after)
    {
        var texts = await chat.BotTextsAsync();
        Assert.True(texts.Length > 0, $"after {after}: no bot message");
        if ((await chat.ButtonsAsync()).Length > 0)
            return;
        string last = texts[^1];
        bool asks = last.Contains('？', StringComparison.Ordinal) || last.Contains('?', StringComparison.Ordinal)
            || last.Contains("ください", StringComparison.Ordinal);
        Assert.True(asks && await chat.SendBoxUsableAsync(),
            $"after {after}: the last bot message has no buttons and asks nothing the owner could type an answer to: 「{last}」");
    }
}
