using Mamori.Core.Dialogs;

namespace Mamori.Desk.Cases;

/// <summary>
/// One request for a person, from opening to closing. Immutable: a change is a new record from <see cref="CaseTransitions"/>,
/// saved only if <see cref="Version"/> is still the stored one.
/// </summary>
/// <param name="Id">Random and unguessable (<see cref="DeskIds"/>), but never enough on its own: every look-up also names the tenant.</param>
/// <param name="OwnerUserId">The channel's user id, already pseudonymous.</param>
/// <param name="Channel">"directline", "msteams", "line"…: where the desk's replies must go.</param>
/// <param name="Reason">The owner's words (or the button) that asked for a person.</param>
/// <param name="ClosedAt">When the case ended, by the desk (Closed) or by the owner (Cancelled).</param>
/// <param name="Satisfaction">The owner's 1–5 after the case, if they gave one.</param>
/// <param name="Route">How the channel reaches the owner unasked (a Teams conversation reference, a LINE id); personal,
/// so kept only while the case is open and erased when it ends.</param>
/// <param name="RatingAsked">The desk closed the case and the owner was asked for a 1–5 that has not come yet.</param>
public sealed record DeskCase(
    string Id,
    ConversationKey Conversation,
    string OwnerUserId,
    string Channel,
    CaseState State,
    DateTimeOffset OpenedAt,
    string Reason,
    CaseSnapshot Snapshot,
    string? TakenBy = null,
    DateTimeOffset? TakenAt = null,
    DateTimeOffset? ClosedAt = null,
    CaseOutcome? Outcome = null,
    string? Notes = null,
    int? Satisfaction = null,
    ContactPreference? Contact = null,
    string? Route = null,
    bool RatingAsked = false,
    long Version = 1)
{
    public string TenantId => Conversation.TenantId;

    /// <summary>Waiting or taken: the conversation belongs to the desk, not the bot.</summary>
    public bool IsOpen => State is CaseState.Waiting or CaseState.Taken;
}

/// <summary>What a channel knows when the owner asks for a person; the store adds the id, the time and the state.</summary>
/// <param name="Route">See <see cref="DeskCase.Route"/>; null where the channel needs none (Direct Line).</param>
public sealed record NewCase(ConversationKey Conversation, string OwnerUserId, string Channel, string Reason, CaseSnapshot Snapshot, string? Route = null);

/// <summary>The result of opening: a new case, or the one already open for this conversation (one at a time).</summary>
public sealed record CaseOpening(DeskCase Case, bool Created);
