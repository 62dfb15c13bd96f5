namespace Mamori.Host.Channels.Rendering;

/// <summary>
/// What a channel can show, as data, so one reply renders right everywhere: whether cards are shown (and which Adaptive
/// Card version), how long a bubble may be before it is split for reading on a phone, the protocol's hard limits on a
/// message, on buttons and on messages per reply.
/// </summary>
public sealed record ChannelCapabilities
{
    /// <summary>Adaptive Card schema version the channel renders; null for channels without Adaptive Cards.</summary>
    public string? AdaptiveCardVersion { get; init; }

    /// <summary>Longest bubble of text before it is split at a paragraph or sentence.</summary>
    public required int MaxBubbleChars { get; init; }

    /// <summary>Most buttons shown under one message; further choices are still understood when typed.</summary>
    public required int MaxChoices { get; init; }

    /// <summary>Longest button label the channel accepts (null: no limit that Mamori's labels reach).</summary>
    public int? MaxChoiceLabelChars { get; init; }

    /// <summary>Most messages the channel accepts in one send (LINE's reply and push take five).</summary>
    public int? MaxMessagesPerSend { get; init; }

    /// <summary>Web Chat: Adaptive Cards 1.3 in the full bundle; suggested actions as buttons.</summary>
    public static ChannelCapabilities DirectLine(int maxBubbleChars) => new()
    {
        AdaptiveCardVersion = "1.3",
        MaxBubbleChars = maxBubbleChars,
        MaxChoices = 30,
    };

    /// <summary>
    /// Teams: Adaptive Cards 1.5 on desktop and mobile; a message is limited to about 100 KB (older documents: 28–40 KB),
    /// so long text is sent as several messages well under that; suggested actions in personal chat only.
    /// </summary>
    public static ChannelCapabilities Teams { get; } = new()
    {
        AdaptiveCardVersion = "1.5",
        MaxBubbleChars = 800,
        MaxChoices = 20,
    };

    /// <summary>
    /// LINE: no Adaptive Cards (the result is a Flex Message); a text message holds 5,000 UTF-16 units but a phone shows
    /// far less at once; quick replies take 13 buttons with labels of 20 characters (grapheme clusters), and a reply or
    /// push carries five messages.
    /// </summary>
    public static ChannelCapabilities Line { get; } = new()
    {
        MaxBubbleChars = 1000,
        MaxChoices = 13,
        MaxChoiceLabelChars = 20,
        MaxMessagesPerSend = 5,
    };
}
