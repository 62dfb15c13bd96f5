using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// For a tenant whose desk is a contact-centre hub (Tenants:&lt;id&gt;:SupportDesk:Handoff = Hub), a request for a person
/// hands the conversation to the hub instead of opening a case: the owner is told so, and until the hub gives it back
/// (<see cref="HubStatus"/>) the bot stays silent, because the hub's staff read the owner's messages from the channel.
/// The channel itself sends the handoff.initiate event (<see cref="HandoffInitiation"/>).
/// </summary>
internal sealed class HubHandoff(TenantCatalog tenants, IHubHolds holds, IOptions<HostTexts> texts, ILogger<HubHandoff> logger)
{
    /// <summary>What the bot says while the hub has the conversation: nothing.</summary>
    public static TurnResult WhileHeld { get; } = new([]);

    public Task<bool> HoldsAsync(ConversationKey conversation, CancellationToken ct) => holds.IsHeldAsync(conversation, ct);

    /// <summary>
    /// Only channels that speak Bot Framework activities carry the handoff.initiate event to a hub; a LINE owner of the
    /// same tenant still reaches the desk console, and the command-line chat has no one listening.
    /// </summary>
    public bool Serves(IncomingTurn turn) =>
        tenants.Find(turn.Conversation.TenantId)?.Options.SupportDesk.Handoff == DeskHandoffMode.Hub
        && turn.ChannelId is not ("line" or "console");

    public async Task<TurnResult> HandOverAsync(TurnResult result, IncomingTurn turn, CancellationToken ct)
    {
        var tenant = tenants.Find(turn.Conversation.TenantId)!;
        await holds.HoldAsync(turn.Conversation, ct);
        HubLog.HandedOver(logger, tenant.Id, turn.ChannelId);
        // The engine's own handoff reply (where else to ask) would be wrong now; its buttons too, since the bot won't answer them.
        string text = DialogWording.Fill(texts.Value.HubHandedOver, ("desk", tenant.Options.DeskName));
        return result with { Replies = [BotReply.Plain(text)] };
    }
}
