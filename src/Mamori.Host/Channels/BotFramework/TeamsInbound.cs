using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Desk.Hubs;

namespace Mamori.Host.Channels.BotFramework;

/// <summary>What an inbound activity asks of the bot.</summary>
internal enum InboundKind { Ignore, Welcome, Turn, HubStatus }

/// <param name="Status">For <see cref="InboundKind.HubStatus"/>: a contact-centre hub's handoff.status.</param>
internal readonly record struct Inbound(InboundKind Kind, string Text = "", HandoffStatus? Status = null)
{
    public static Inbound Ignore { get; } = new(InboundKind.Ignore);
}

/// <summary>
/// Reads a Bot Framework activity the way Teams sends it: the bot's own @mention is removed by its entity (in groups and
/// channels only mentions reach the bot); an Adaptive Card button arrives as a message whose <c>value.choice</c> is the
/// label; the bot being added (conversationUpdate, installationUpdate "add") asks for the welcome.
/// </summary>
internal static class TeamsInbound
{
    public const string ChoiceField = "choice";

    public static Inbound Read(Activity activity)
    {
        switch (activity.Type)
        {
            case "message":
                string text = ChoiceOf(activity) ?? StripOwnMentions(activity);
                return string.IsNullOrWhiteSpace(text) ? Inbound.Ignore : new Inbound(InboundKind.Turn, text.Trim());
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true:
            case "installationUpdate" when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                return new Inbound(InboundKind.Welcome);
            default:
                return Inbound.Ignore;
        }
    }

    /// <summary>A card button's label, sent back in <c>value</c> (Action.Submit data merged with the card's inputs).</summary>
    private static string? ChoiceOf(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(ChoiceField, out var choice) && choice.ValueKind == JsonValueKind.String
            ? choice.GetString()
            : null;

    /// <summary>
    /// Removes each mention of the bot itself from the text, as the SDKs do: the entity's own text (e.g. <c>&lt;at&gt;まもり&lt;/at&gt;</c>),
    /// else <c>&lt;at&gt;name&lt;/at&gt;</c>. Mentions of other people stay: they may be part of what the owner wrote.
    /// </summary>
    internal static string StripOwnMentions(Activity activity)
    {
        string text = activity.Text ?? "";
        if (activity.Entities is not { Count: > 0 } entities || activity.Recipient?.Id is not { } botId)
            return text;

        foreach (var entity in entities)
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || !string.Equals(type.GetString(), "mention", StringComparison.OrdinalIgnoreCase)
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id) || id.GetString() != botId)
                continue;

            string? mentionText = entity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrEmpty(mentionText) && mentioned.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } n)
                mentionText = $"<at>{n}</at>";
            if (!string.IsNullOrEmpty(mentionText))
                text = Regex.Replace(text, Regex.Escape(mentionText), "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        return text.Trim();
    }
}
