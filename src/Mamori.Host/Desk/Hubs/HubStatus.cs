using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// What a hub's handoff.status means for the owner. Accepted: the staff take over, the bot stays silent. Failed: nobody
/// could take it, so the bot answers again and says where else to ask. Completed: the bot is back. A status for a
/// conversation the hub does not hold (a repeat, or after the hold expired) is logged and otherwise ignored.
/// </summary>
internal sealed class HubStatus(TenantCatalog tenants, IHubHolds holds, IOptions<HostTexts> texts, ILogger<HubStatus> logger)
{
    public async Task<TurnResult> ApplyAsync(ConversationKey conversation, HandoffStatus status, CancellationToken ct)
    {
        string state = status.State.ToString().ToLowerInvariant();
        if (status.State == HandoffState.Accepted)
        {
            HubLog.Status(logger, conversation.TenantId, state);
            return HubHandoff.WhileHeld;
        }
        if (!await holds.ReleaseAsync(conversation, ct))
        {
            HubLog.NotHeld(logger, conversation.TenantId, state);
            return HubHandoff.WhileHeld;
        }

        HubLog.Status(logger, conversation.TenantId, state);
        string text = status.State == HandoffState.Completed ? texts.Value.HubCompleted : Failed(conversation.TenantId);
        return new TurnResult([BotReply.Plain(text)]);
    }

    private string Failed(string tenantId)
    {
        if (tenants.Find(tenantId)?.Options is not { } tenant || tenant.SupportDesk.ContactLine() is not { } contact)
            return texts.Value.HubFailed;
        return texts.Value.HubFailed + "\n" + DialogWording.Fill(texts.Value.HubFailedContact, ("desk", tenant.DeskName), ("contact", contact));
    }
}
