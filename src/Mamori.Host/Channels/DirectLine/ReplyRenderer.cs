using System.Text.Json;
using Mamori.Core.Messages;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// Renders published replies as Direct Line activities, without side effects: text split into phone-sized bubbles,
/// choices as suggested actions (imBack with the label), the stage picture as an image attachment from /media, the
/// result card as an Adaptive Card with its signed link to the printable report, and citations as numbered links.
/// </summary>
public sealed class ReplyRenderer(IOptions<DirectLineOptions> options, IOptions<HostTexts> texts)
{
    private ChannelCapabilities Capabilities => ChannelCapabilities.DirectLine(options.Value.MaxBubbleChars);

    public IReadOnlyList<Activity> Render(PublishedReply published, Conversation conversation, string? replyToId)
    {
        var reply = published.Reply;
        var activities = new List<Activity>();
        // A reply with a card says the same as its text: Web Chat shows the card, so the text is not sent as well.
        if (reply.Card is null)
        {
            foreach (string bubble in TextSplitter.Split(reply.Text, Capabilities.MaxBubbleChars))
                activities.Add(Message(conversation, replyToId, bubble, "plain"));
        }

        if (published.Image is { } image)
        {
            var picture = Message(conversation, replyToId, null, null);
            picture.Attachments = [new Attachment { ContentType = image.ContentType, ContentUrl = image.Url, Name = image.Source.AltText }];
            activities.Add(picture);
        }

        if (reply.Card is { } card)
        {
            var content = AdaptiveCardBuilder.Build(card, published.ReportLink, texts.Value.ReportLinkLabel, Capabilities.AdaptiveCardVersion!);
            var cardActivity = Message(conversation, replyToId, null, null);
            cardActivity.Attachments = [new Attachment
            {
                ContentType = AdaptiveCardBuilder.ContentType,
                Content = JsonSerializer.SerializeToElement(content, DirectLineJson.Default.JsonNode),
            }];
            activities.Add(cardActivity);
        }

        if (reply.Citations.Count > 0)
            activities.Add(Message(conversation, replyToId, CitationMarkdown.Build(reply.Citations, texts.Value.CitationsHeading), "markdown"));

        if (reply.Choices.Count > 0)
        {
            if (activities.Count == 0)
                activities.Add(Message(conversation, replyToId, "", "plain"));
            var last = activities[^1];
            last.SuggestedActions = new SuggestedActions
            {
                To = [conversation.UserId],
                Actions = reply.Choices.Take(Capabilities.MaxChoices).Select(c => new CardAction { Type = "imBack", Title = c.Label, Value = c.Label }).ToList(),
            };
            last.InputHint = "expectingInput";
        }
        return activities;
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

    /// <summary>Addresses an outgoing activity (a message, or an event such as handoff.initiate) from the bot to the conversation's user.</summary>
    public Activity Addressed(Activity activity, Conversation conversation, string? replyToId)
    {
        activity.ChannelId = "directline";
        activity.From = Bot();
        activity.Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        activity.ReplyToId = replyToId;
        return activity;
    }

    public ChannelAccount Bot() => new() { Id = options.Value.BotId, Name = options.Value.BotId, Role = "bot" };

    private Activity Message(Conversation conversation, string? replyToId, string? text, string? format) =>
        Addressed(new Activity { Type = "message", Text = text, TextFormat = format, Locale = "ja-JP" }, conversation, replyToId);
}
