using System.Text;
using System.Text.Json;
using Mamori.Core.Messages;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Media;
using Mamori.Host.Reports;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// Renders the engine's replies as Direct Line activities: text split into phone-sized bubbles, choices as
/// suggested actions (imBack with the label), the stage picture as an image attachment served from /media, the result
/// card as an Adaptive Card with a signed link to the printable report, and citations as a numbered list of links.
/// </summary>
public sealed class ReplyRenderer(
    IOptions<DirectLineOptions> options,
    IOptions<HostTexts> texts,
    MediaStore media,
    ReportSnapshots reports,
    ReportLinks reportLinks,
    TimeProvider clock)
{
    public IReadOnlyList<Activity> Render(BotReply reply, Conversation conversation, string? replyToId)
    {
        var activities = new List<Activity>();
        // A reply with a card says the same as its text: Web Chat shows the card, so the text is not sent as well.
        if (reply.Card is null)
        {
            foreach (string bubble in TextSplitter.Split(reply.Text, options.Value.MaxBubbleChars))
                activities.Add(Message(conversation, replyToId, bubble, "plain"));
        }

        if (reply.Image is { } image)
        {
            var (imageUrl, type) = Store(image, conversation);
            conversation.LastPicture = (image, imageUrl);
            var picture = Message(conversation, replyToId, null, null);
            picture.Attachments = [new Attachment { ContentType = type, ContentUrl = imageUrl, Name = image.AltText }];
            activities.Add(picture);
        }

        if (reply.Card is { } card)
        {
            // The report page prints the full report behind the summary card, with its own picture.
            (ReplyImage Image, string Url)? stage = reply.Report?.Picture is { } reportPicture ? (reportPicture, Store(reportPicture, conversation).Url) : conversation.LastPicture;
            reports.Save(new ReportSnapshot(conversation.Key, reply.Report?.Card ?? card, stage?.Image, stage?.Url, clock.GetUtcNow()));
            var link = reportLinks.Create(conversation.PublicBase, conversation.Key, conversation.UserId);
            var content = AdaptiveCardBuilder.Build(card, link, texts.Value.ReportLinkLabel);
            var cardActivity = Message(conversation, replyToId, null, null);
            cardActivity.Attachments = [new Attachment
            {
                ContentType = AdaptiveCardBuilder.ContentType,
                Content = JsonSerializer.SerializeToElement(content, DirectLineJson.Default.JsonNode),
            }];
            activities.Add(cardActivity);
        }

        if (reply.Citations.Count > 0)
            activities.Add(Message(conversation, replyToId, CitationList(reply.Citations), "markdown"));

        if (reply.Choices.Count > 0)
        {
            if (activities.Count == 0)
                activities.Add(Message(conversation, replyToId, "", "plain"));
            var last = activities[^1];
            last.SuggestedActions = new SuggestedActions
            {
                To = [conversation.UserId],
                Actions = reply.Choices.Select(c => new CardAction { Type = "imBack", Title = c.Label, Value = c.Label }).ToList(),
            };
            last.InputHint = "expectingInput";
        }
        return activities;
    }

    // The PNG where a Japanese font was found, else the SVG; served from /media under an unguessable id.
    private (string Url, string Type) Store(ReplyImage image, Conversation conversation)
    {
        (byte[] bytes, string type) = image.Png is { Length: > 0 } png
            ? (png, "image/png")
            : (Encoding.UTF8.GetBytes(image.Svg), "image/svg+xml");
        return (new Uri(conversation.PublicBase, $"/media/{media.Add(bytes, type)}").AbsoluteUri, type);
    }

    public Activity Typing(Conversation conversation) => new()
    {
        Type = "typing",
        ChannelId = "directline",
        From = Bot(),
        Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" },
        Conversation = new ConversationAccount { Id = conversation.Id },
    };

    public Activity Plain(Conversation conversation, string? replyToId, string text) =>
        Message(conversation, replyToId, text, "plain");

    private string CitationList(IReadOnlyList<Citation> citations)
    {
        var builder = new StringBuilder().Append("**").Append(Markdown.Escape(texts.Value.CitationsHeading)).Append("**\n\n");
        for (int i = 0; i < citations.Count; i++)
        {
            builder.Append(i + 1).Append(". [").Append(Markdown.Escape(citations[i].Title)).Append("](")
                .Append(Markdown.SafeUrl(citations[i].Url)).Append(")\n");
        }
        return builder.ToString().TrimEnd();
    }

    private Activity Message(Conversation conversation, string? replyToId, string? text, string? format) => new()
    {
        Type = "message",
        ChannelId = "directline",
        From = Bot(),
        Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" },
        Text = text,
        TextFormat = format,
        Locale = "ja-JP",
        ReplyToId = replyToId,
    };

    private ChannelAccount Bot() => new() { Id = options.Value.BotId, Name = options.Value.BotId, Role = "bot" };
}
