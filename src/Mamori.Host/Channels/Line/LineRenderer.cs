using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Mamori.Core.Messages;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// Renders one turn's published replies as LINE message objects, without side effects: text in bubbles a phone can
/// read, the stage picture (PNG over https only, as LINE requires), the result as a Flex Message bubble with a button to
/// the printable report, sources as a numbered list, and the choices as quick-reply buttons on the last message, where
/// LINE shows them. Fits the turn into one reply (five messages) by joining short texts when it can.
/// </summary>
internal sealed class LineRenderer(IOptions<HostTexts> texts)
{
    private static readonly ChannelCapabilities Line = ChannelCapabilities.Line;

    // LINE's limits: a text message holds 5,000 UTF-16 units; altText 400 characters is the long-standing documented
    // bound; a bubble's JSON must stay under 30 KB (kept well below, Japanese takes three bytes a character).
    private const int MaxTextUnits = 5000;
    private const int MaxAltTextUnits = 400;
    private const int MaxBubbleJsonBytes = 24 * 1024;
    private const int MaxMessageActionText = 300;

    public IReadOnlyList<JsonObject> Render(IReadOnlyList<PublishedReply> replies, string accentColor)
    {
        var messages = new List<JsonObject>();
        IReadOnlyList<ReplyChoice> choices = [];
        foreach (var published in replies)
        {
            var reply = published.Reply;
            if (reply.Card is null)
                messages.AddRange(TextSplitter.Split(reply.Text, Line.MaxBubbleChars).Select(Text));
            if (published.Image is { ContentType: "image/png" } image && image.Url.StartsWith("https://", StringComparison.Ordinal))
                messages.Add(Image(image.Url));
            if (reply.Card is { } card)
                messages.Add(Flex(card, reply.Text, published.ReportLink, accentColor));
            if (reply.Citations.Count > 0)
                messages.Add(Text(Citations(reply.Citations)));
            if (reply.Choices.Count > 0)
                choices = reply.Choices;
        }

        JoinTextsToFit(messages);
        if (choices.Count > 0)
        {
            if (messages.Count == 0)
                messages.Add(Text(replies.Select(r => r.Reply.Text).LastOrDefault(t => t.Length > 0) ?? "…"));
            messages[^1]["quickReply"] = QuickReply(choices);
        }
        return messages;
    }

    /// <summary>A plain text message, cut to LINE's limit without splitting a surrogate pair.</summary>
    public static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = CutUnits(text, MaxTextUnits) };

    /// <summary>Quick-reply buttons: LINE shows 13 at most; a long label is shortened on the button, the full label is still sent.</summary>
    public static JsonObject QuickReply(IEnumerable<ReplyChoice> choices)
    {
        var items = new JsonArray();
        foreach (var choice in choices.Take(Line.MaxChoices))
        {
            items.Add(new JsonObject
            {
                ["type"] = "action",
                ["action"] = new JsonObject
                {
                    ["type"] = "message",
                    ["label"] = CutGraphemes(choice.Label, Line.MaxChoiceLabelChars!.Value),
                    ["text"] = CutUnits(choice.Label, MaxMessageActionText),
                },
            });
        }
        return new JsonObject { ["items"] = items };
    }

    private static JsonObject Image(string url) => new()
    {
        ["type"] = "image",
        ["originalContentUrl"] = url,
        ["previewImageUrl"] = url,
    };

    private JsonObject Flex(ReplyCard card, string altText, Uri? reportLink, string accentColor)
    {
        var sections = card.Sections.Select(s => (s.Heading, Items: s.Items.ToList())).ToList();
        JsonObject bubble = Bubble(card.Title, sections, reportLink, accentColor);
        // A very long result still goes out: the last items give way, and the report behind the button has them all.
        while (Encoding.UTF8.GetByteCount(bubble.ToJsonString()) > MaxBubbleJsonBytes && sections.Any(s => s.Items.Count > 0))
        {
            var last = sections.FindLastIndex(s => s.Items.Count > 0);
            sections[last].Items.RemoveAt(sections[last].Items.Count - 1);
            bubble = Bubble(card.Title, sections, reportLink, accentColor);
        }
        return new JsonObject
        {
            ["type"] = "flex",
            ["altText"] = CutUnits(altText.Length > 0 ? altText : card.Title, MaxAltTextUnits),
            ["contents"] = bubble,
        };
    }

    private JsonObject Bubble(string title, List<(string Heading, List<CardItem> Items)> sections, Uri? reportLink, string accentColor)
    {
        var body = new JsonArray();
        foreach (var (heading, items) in sections)
        {
            if (body.Count > 0)
                body.Add(new JsonObject { ["type"] = "separator", ["margin"] = "lg" });
            body.Add(new JsonObject { ["type"] = "text", ["text"] = heading, ["weight"] = "bold", ["color"] = accentColor, ["wrap"] = true, ["margin"] = "lg" });
            foreach (var item in items)
                body.Add(Item(item));
        }

        var bubble = new JsonObject
        {
            ["type"] = "bubble",
            ["size"] = "giga",
            ["header"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["backgroundColor"] = accentColor,
                ["contents"] = new JsonArray
                {
                    new JsonObject { ["type"] = "text", ["text"] = title, ["weight"] = "bold", ["size"] = "lg", ["color"] = "#ffffff", ["wrap"] = true },
                },
            },
            ["body"] = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["spacing"] = "sm", ["contents"] = body },
        };
        if (reportLink is not null && Markdown.SafeUrl(reportLink.AbsoluteUri) != "#")
        {
            bubble["footer"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["contents"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "button",
                        ["style"] = "primary",
                        ["color"] = accentColor,
                        ["action"] = new JsonObject { ["type"] = "uri", ["label"] = CutGraphemes(texts.Value.ReportLinkLabel, 40), ["uri"] = reportLink.AbsoluteUri },
                    },
                },
            };
        }
        return bubble;
    }

    // A line of the result: its title in bold, the sentence under it; tapping opens the measure's page when it has one.
    private JsonObject Item(CardItem item)
    {
        var contents = new JsonArray
        {
            new JsonObject { ["type"] = "text", ["text"] = item.Title, ["weight"] = "bold", ["size"] = "sm", ["wrap"] = true },
        };
        if (item.Text.Length > 0)
            contents.Add(new JsonObject { ["type"] = "text", ["text"] = item.Text, ["size"] = "sm", ["color"] = "#555555", ["wrap"] = true });
        var box = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["margin"] = "md", ["contents"] = contents };
        if (item.Url is { } url && Markdown.SafeUrl(url) is var safe && safe != "#")
        {
            contents.Add(new JsonObject { ["type"] = "text", ["text"] = texts.Value.LineMeasureLink, ["size"] = "xs", ["color"] = "#1f5fa8" });
            box["action"] = new JsonObject { ["type"] = "uri", ["label"] = CutGraphemes(item.Title, 20), ["uri"] = safe };
        }
        return box;
    }

    private string Citations(IReadOnlyList<Citation> citations)
    {
        var builder = new StringBuilder(texts.Value.CitationsHeading);
        for (int i = 0; i < citations.Count; i++)
            builder.Append('\n').Append(i + 1).Append(". ").Append(citations[i].Title).Append('\n').Append(citations[i].Url);
        return builder.ToString();
    }

    // LINE takes five messages per reply; joining neighbouring texts keeps a turn in one free reply instead of a push.
    private static void JoinTextsToFit(List<JsonObject> messages)
    {
        for (int i = messages.Count - 2; i >= 0 && messages.Count > Line.MaxMessagesPerSend!.Value; i--)
        {
            if (TextOf(messages[i]) is { } first && TextOf(messages[i + 1]) is { } second && first.Length + second.Length + 2 <= MaxTextUnits)
            {
                messages[i] = Text(first + "\n\n" + second);
                messages.RemoveAt(i + 1);
            }
        }
    }

    private static string? TextOf(JsonObject message) =>
        message["type"]?.GetValue<string>() == "text" ? message["text"]?.GetValue<string>() : null;

    private static string CutUnits(string text, int maxUnits)
    {
        if (text.Length <= maxUnits)
            return text;
        int cut = maxUnits - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut] + "…";
    }

    /// <summary>LINE counts action labels in grapheme clusters (an emoji with modifiers is one).</summary>
    private static string CutGraphemes(string text, int max)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max - 1) + "…";
    }
}
