using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Desk.Notices;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk;

/// <summary>
/// Keeps the promise of 「担当者と話したい」 where a chamber has a desk that can be reached: the request becomes a case
/// with the company's situation (<see cref="CaseSnapshots"/>), the desk is told (<see cref="DeskNotices"/>), and the owner is told the 受付番号 and how to reach the
/// desk, so the person who answers sees the diagnosis in the desk console. Without a desk's phone, email or page the
/// engine's own answer stands (where else to find help), and no case is opened that nobody would see.
/// </summary>
internal sealed partial class DeskHandoff(
    IDeskStore desk, CaseSnapshots snapshots, DeskNotices notices, TenantCatalog tenants, IOptions<HostTexts> texts, ILogger<DeskHandoff> logger)
{
    public async Task<TurnResult> ApplyAsync(TurnResult result, string channel, string words, CancellationToken ct)
    {
        if (result.Handoff is not { } request || tenants.Find(request.Conversation.TenantId) is not { } tenant || tenant.Options.SupportDesk.ContactLine() is not { } contact)
        {
            if (result.Handoff is not null)
                NoDesk(logger, result.Handoff.Conversation.TenantId);
            return result;
        }

        var snapshot = await snapshots.TakeAsync(request.Conversation, request.UserId, ct);
        var opening = await desk.OpenCaseAsync(new NewCase(request.Conversation, request.UserId, channel, words, snapshot), ct);
        if (opening.Created)
        {
            await desk.AppendAuditAsync(tenant.Id, null, AuditAction.Opened, opening.Case.Id, channel, ct);
            notices.CaseOpened(tenant, opening.Case);
            Opened(logger, tenant.Id, channel);
        }

        string deskName = tenant.Options.SupportDesk.Name is { Length: > 0 } name ? name : tenant.Options.DisplayName;
        string text = (opening.Created ? texts.Value.DeskCaseOpened : texts.Value.DeskCaseAlreadyOpen)
            .Replace("{reference}", CaseReference.Of(opening.Case.Id), StringComparison.Ordinal)
            .Replace("{desk}", deskName, StringComparison.Ordinal)
            .Replace("{contact}", contact, StringComparison.Ordinal);

        // The engine's handoff reply is replaced (its buttons kept); whatever else the turn said follows unchanged.
        var replies = result.Replies.ToList();
        int index = replies.FindIndex(r => r.Card is null);
        var told = new BotReply { Text = text, Choices = index >= 0 ? replies[index].Choices : [] };
        if (index >= 0)
            replies[index] = told;
        else
            replies.Insert(0, told);
        return result with { Replies = replies };
    }

    [LoggerMessage(1, LogLevel.Information, "Opened a desk case for tenant {TenantId} from {Channel}.")]
    private static partial void Opened(ILogger logger, string tenantId, string channel);

    [LoggerMessage(2, LogLevel.Information, "An owner of tenant {TenantId} asked for a person; the tenant has no support desk contact (Tenants:<id>:SupportDesk), so no case was opened and the bot named other places to ask.")]
    private static partial void NoDesk(ILogger logger, string tenantId);
}
