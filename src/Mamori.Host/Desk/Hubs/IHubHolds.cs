using Mamori.Core.Dialogs;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// The conversations a contact-centre hub has, between handoff.initiate and handoff.status completed or failed; a hold
/// also ends by itself after <see cref="HubOptions.MaxHold"/>, so no owner waits for a hub that forgot them.
/// </summary>
internal interface IHubHolds
{
    Task HoldAsync(ConversationKey conversation, CancellationToken ct);

    Task<bool> IsHeldAsync(ConversationKey conversation, CancellationToken ct);

    /// <summary>True when the hub had the conversation (so the owner is told it is back with the bot).</summary>
    Task<bool> ReleaseAsync(ConversationKey conversation, CancellationToken ct);
}
