using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Live;

/// <summary>
/// The desk's side of a chat case once the console has changed it: the owner is told who took it, who has it now, what the
/// staff member wrote, and when it is handed back to the bot (with the one rating question); the case chat keeps a line
/// for each, and the consoles are told.
/// </summary>
internal sealed class CaseWork(IDeskStore store, OwnerMessenger owner, DeskEvents events, IOptions<HostTexts> texts)
{
    private HostTexts T => texts.Value;

    public async Task TakenAsync(Tenant tenant, DeskCase taken, StaffAccount staff, CancellationToken ct)
    {
        await SystemLineAsync(taken, $"{staff.DisplayName}が担当しました。", ct);
        await TellOwnerAsync(taken, [BotReply.Plain(DialogWording.Fill(T.DeskTaken, ("desk", tenant.Options.DeskName), ("staff", staff.DisplayName)))], ct);
    }

    public async Task TransferredAsync(Tenant tenant, DeskCase moved, StaffAccount to, CancellationToken ct)
    {
        await SystemLineAsync(moved, $"担当が{to.DisplayName}に代わりました。", ct);
        await TellOwnerAsync(moved, [BotReply.Plain(DialogWording.Fill(T.DeskTransferred, ("desk", tenant.Options.DeskName), ("staff", to.DisplayName)))], ct);
    }

    /// <param name="routeBefore">The route as it was before closing, which erased it: the hand-back is its last use.</param>
    public async Task HandedBackAsync(DeskCase closed, string? routeBefore, StaffAccount staff, CancellationToken ct)
    {
        if (routeBefore is null)
        {
            events.Publish(new DeskEvent(closed.TenantId, closed.Id, DeskEventKind.CaseChanged));
            return;   // a phone case: the owner is not in a chat with the desk, so there is nothing to hand back
        }
        await store.AppendAuditAsync(closed.TenantId, staff.Id, AuditAction.HandedBack, closed.Id, null, ct);
        await SystemLineAsync(closed, "まもりに戻しました。", ct);
        await TellOwnerAsync(closed with { Route = routeBefore },
            [BotReply.Plain(DialogWording.Fill(T.DeskHandedBack, ("staff", staff.DisplayName))),
             DeskWording.WithChoices(T.DeskRatingQuestion, T.DeskRatingChoices)], ct);
    }

    /// <summary>The staff member's words, kept in the case chat and sent to the owner; false when they could not be delivered.</summary>
    public async Task<(CaseMessage? Message, bool Delivered)> SendAsync(Tenant tenant, DeskCase open, StaffAccount staff, string text, CancellationToken ct)
    {
        var message = await store.AppendMessageAsync(open.TenantId, open.Id, MessageSender.Staff, staff.Id, text, ct);
        if (message is null)
            return (null, false);
        await store.AppendAuditAsync(open.TenantId, staff.Id, AuditAction.Messaged, open.Id, null, ct);
        events.Publish(new DeskEvent(open.TenantId, open.Id, DeskEventKind.Message, message.Sequence));
        bool delivered = await TellOwnerAsync(open,
            [BotReply.Plain(DialogWording.Fill(T.DeskStaffSays, ("staff", staff.DisplayName), ("desk", tenant.Options.DeskName), ("text", text)))], ct, publish: false);
        return (message, delivered);
    }

    private async Task<bool> TellOwnerAsync(DeskCase deskCase, IReadOnlyList<BotReply> replies, CancellationToken ct, bool publish = true)
    {
        if (publish)
            events.Publish(new DeskEvent(deskCase.TenantId, deskCase.Id, DeskEventKind.CaseChanged));
        // A case the owner only calls about (no route) has nobody to tell in the chat.
        return deskCase.Route is not null && await owner.SendAsync(deskCase, replies, ct);
    }

    private async Task SystemLineAsync(DeskCase deskCase, string text, CancellationToken ct)
    {
        if (await store.AppendMessageAsync(deskCase.TenantId, deskCase.Id, MessageSender.System, null, text, ct) is { } line)
            events.Publish(new DeskEvent(deskCase.TenantId, deskCase.Id, DeskEventKind.Message, line.Sequence));
    }
}
