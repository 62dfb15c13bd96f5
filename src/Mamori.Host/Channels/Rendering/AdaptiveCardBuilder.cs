using System.Text.Json.Nodes;
using Mamori.Core.Messages;

namespace Mamori.Host.Channels.Rendering;

/// <summary>
/// Turns the channel-agnostic result card into an Adaptive Card of the version the channel renders (Web Chat's full
/// bundle: 1.3): a title, one heading per section, each item as a linked title and a sentence.
/// </summary>
internal static class AdaptiveCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Build(ReplyCard card, Uri? reportUrl, string reportLinkLabel, string version)
    {
        var body = new JsonArray
        {
            TextBlock(Markdown.Escape(card.Title), size: "Medium", bold: true),
        };
        foreach (var section in card.Sections)
        {
            var heading = TextBlock(Markdown.Escape(section.Heading), bold: true);
            heading["separator"] = true;
            heading["spacing"] = "Medium";
            body.Add(heading);
            foreach (var item in section.Items)
            {
                string title = Markdown.Escape(item.Title);
                body.Add(TextBlock(item.Url is null ? $"**{title}**" : $"**[{title}]({Markdown.SafeUrl(item.Url)})**"));
                if (!string.IsNullOrWhiteSpace(item.Text))
                {
                    var text = TextBlock(Markdown.Escape(item.Text));
                    text["spacing"] = "None";
                    body.Add(text);
                }
            }
        }

        var result = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = version,
            ["body"] = body,
        };
        if (reportUrl is not null)
        {
            result["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = reportLinkLabel, ["url"] = reportUrl.AbsoluteUri },
            };
        }
        return result;
    }

    private static JsonObject TextBlock(string text, string? size = null, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
            block["size"] = size;
        if (bold)
            block["weight"] = "Bolder";
        return block;
    }
}
