using System.Text.Json;
using System.Text.Json.Nodes;
using Mamori.Core.Messages;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.BotFramework;

/// <summary>
/// Renders published replies for Teams and the other Bot Service channels, without side effects. Text goes in its own
/// messages (Teams splits a message holding text and a card, and the parts get no ids); the result is an Adaptive Card
/// of the version Teams renders; choices are suggested actions in a personal chat, and Action.Submit buttons (the label
/// comes back in <c>value.choice</c>) in group chats and channels, where suggested actions are not shown.
/// </summary>
internal sealed class BotFrameworkRenderer(IOptions<HostTexts> texts)
{
    private static readonly ChannelCapabilities Teams = ChannelCapabilities.Teams;

    public IReadOnlyList<Activity> Render(PublishedReply published, Activity inbound)
    {
        var reply = published.Reply;
        bool personal = IsPersonal(inbound);
        var activities = new List<Activity>();
        var choices = reply.Choices.Take(Teams.MaxChoices).Select(c => c.Label).ToList();

        JsonObject? card = reply.Card is { } resultCard
            ? AdaptiveCardBuilder.Build(resultCard, published.ReportLink, texts.Value.ReportLinkLabel, Teams.AdaptiveCardVersion!)
            : null;

        var bubbles = reply.Card is null ? TextSplitter.Split(reply.Text, Teams.MaxBubbleChars) : [];
        // In a group the question and its buttons travel together in one card, so nobody answers a question they can't see.
        string? questionInCard = !personal && card is null && choices.Count > 0 && bubbles.Count > 0 ? bubbles[^1] : null;
        foreach (string bubble in questionInCard is null ? bubbles : bubbles.Take(bubbles.Count - 1))
            activities.Add(Message(inbound, bubble, "plain"));

        // Teams shows PNG, JPEG and GIF; the SVG fallback (no Japanese font on the host) is left out, the text carries the result.
        if (published.Image is { ContentType: "image/png" } image)
        {
            var picture = Message(inbound, null, null);
            picture.Attachments = [new Attachment { ContentType = image.ContentType, ContentUrl = image.Url, Name = image.Source.AltText }];
            activities.Add(picture);
        }

        if (!personal && choices.Count > 0)
        {
            card ??= ChoiceCard(questionInCard);
            if (card["body"] is JsonArray body)
                AddButtons(body, choices);
        }
        if (card is not null)
            activities.Add(CardMessage(inbound, card));

        if (reply.Citations.Count > 0)
            activities.Add(Message(inbound, CitationMarkdown.Build(reply.Citations, texts.Value.CitationsHeading), "markdown"));

        if (personal && choices.Count > 0)
        {
            if (activities.Count == 0)
                activities.Add(Message(inbound, "", "plain"));
            activities[^1].SuggestedActions = new SuggestedActions
            {
                To = inbound.From?.Id is { } user ? [user] : null,
                Actions = choices.Select(label => new CardAction { Type = "imBack", Title = label, Value = label }).ToList(),
            };
            activities[^1].InputHint = "expectingInput";
        }
        return activities;
    }

    public static bool IsPersonal(Activity inbound) =>
        inbound.Conversation?.ConversationType is null or "personal" && inbound.Conversation?.IsGroup != true;

    public static Activity Typing(Activity inbound) => new()
    {
        Type = "typing",
        ChannelId = inbound.ChannelId,
        ServiceUrl = inbound.ServiceUrl,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
    };

    private JsonObject ChoiceCard(string? question)
    {
        var body = new JsonArray();
        if (question is not null)
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Markdown.Escape(question), ["wrap"] = true });
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Teams.AdaptiveCardVersion,
            ["body"] = body,
        };
    }

    // One action set per button: Teams shows at most a few actions side by side, and Japanese labels are long, so the
    // buttons stand one under another at full width.
    private static void AddButtons(JsonArray body, IEnumerable<string> labels)
    {
        foreach (string label in labels)
        {
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "Action.Submit",
                        ["title"] = label,
                        ["data"] = new JsonObject { [TeamsInbound.ChoiceField] = label },
                    },
                },
            });
        }
    }

    private static Activity CardMessage(Activity inbound, JsonObject card)
    {
        var activity = Message(inbound, null, null);
        activity.Attachments = [new Attachment
        {
            ContentType = AdaptiveCardBuilder.ContentType,
            Content = JsonSerializer.SerializeToElement(card, ActivityJson.Default.JsonNode),
        }];
        return activity;
    }

    /// <summary>Addresses an outgoing activity (a message, or an event such as handoff.initiate) as the reply to the inbound one.</summary>
    public static Activity Reply(Activity inbound, Activity outgoing)
    {
        outgoing.ChannelId = inbound.ChannelId;
        outgoing.ServiceUrl = inbound.ServiceUrl;
        outgoing.From = inbound.Recipient;
        outgoing.Recipient = inbound.From;
        outgoing.Conversation = inbound.Conversation;
        outgoing.ReplyToId = inbound.Id;
        return outgoing;
    }

    private static Activity Message(Activity inbound, string? text, string? format) =>
        Reply(inbound, new Activity { Type = "message", Text = text, TextFormat = format, Locale = "ja-JP" });
}
