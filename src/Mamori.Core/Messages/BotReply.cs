namespace Mamori.Core.Messages;

/// <summary>
/// One message from the bot, independent of any channel. Each channel renders it its own way:
/// choices become suggested actions (Web Chat, Teams) or quick replies (LINE), the card an Adaptive Card or Flex message.
/// </summary>
/// <remarks>
/// A reply with a <see cref="Card"/> says the same thing twice, for two kinds of channel: a channel that shows cards shows
/// only the card, any other shows only <see cref="Text"/>. Never both, so nothing is read twice in one turn.
/// </remarks>
public sealed record BotReply
{
    public required string Text { get; init; }

    /// <summary>Buttons for the expected answer. Free text is always accepted as well.</summary>
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];

    public ReplyCard? Card { get; init; }

    public ReplyImage? Image { get; init; }

    /// <summary>The full printable report behind a result (not shown in the chat): channels with a report page keep it.</summary>
    public ReplyReport? Report { get; init; }

    /// <summary>Sources behind an answer from the knowledge base, numbered as in the text ([1], [2], …).</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public static BotReply Plain(string text) => new() { Text = text };
}

/// <summary>A button. Pressing it sends <see cref="Label"/> back as the user's text, so buttons and typing share one parser.</summary>
public sealed record ReplyChoice(string Label);

public sealed record ReplyCard(string Title, IReadOnlyList<CardSection> Sections);

public sealed record CardSection(string Heading, IReadOnlyList<CardItem> Items);

/// <summary>A line of a card: a title, a sentence or two, and an optional link.</summary>
public sealed record CardItem(string Title, string Text, string? Url = null);

/// <summary>The printable report of a diagnosis: everything the chat summary leaves out, and the stage picture.</summary>
public sealed record ReplyReport(ReplyCard Card, ReplyImage? Picture);

/// <summary>A picture. <see cref="Png"/> is null when no CJK font is installed; channels then fall back to the SVG.</summary>
public sealed record ReplyImage(string AltText, string Svg, byte[]? Png);

public sealed record Citation(string DocId, string Title, string Url);
