using Mamori.Core.Messages;

namespace Mamori.Core.Dialogs;

/// <summary>A conversation is owned by one tenant (a chamber, or "default"); tenants never see each other's.</summary>
public readonly record struct ConversationKey(string TenantId, string ConversationId)
{
    public override string ToString() => $"{TenantId}/{ConversationId}";
}

/// <summary>What a channel hands to the engine: one user turn, already stripped of channel details.</summary>
/// <param name="Text">What the user typed, or the label of the button they pressed.</param>
/// <param name="ChannelId">"directline", "webchat", "msteams", "line", "console"… for logs and channel-specific wording.</param>
/// <param name="Region">The prefecture code of the chamber whose channel this is, if any: local measures and documents
/// come first for it when the owner's own prefecture is not known.</param>
/// <param name="Route">How the channel can reach this user unasked (a Teams conversation reference, a LINE id), for a
/// support desk's replies; the engine ignores it.</param>
public sealed record IncomingTurn(ConversationKey Conversation, string UserId, string Text, string ChannelId, string? Region = null, string? Route = null);

/// <param name="Replies">What to show the user, in order.</param>
/// <param name="Handoff">Set when the user asked for a person (担当者と話したい): the host starts a handoff.</param>
/// <param name="Ended">The user said goodbye (「終了」 outside the diagnosis): a channel may close the conversation.</param>
public sealed record TurnResult(IReadOnlyList<BotReply> Replies, HandoffRequest? Handoff = null, bool Ended = false);

/// <summary>The user asked for a human expert; carries what the desk needs to pick up without asking again.</summary>
public sealed record HandoffRequest(ConversationKey Conversation, string UserId, string Reason);
