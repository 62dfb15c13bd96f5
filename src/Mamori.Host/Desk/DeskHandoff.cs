using Mamori.Core.Dialogs;
using Mamori.Core.Evidence;
using Mamori.Core.Messages;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Desk.Live;
using Mamori.Host.Desk.Notices;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk;

/// <summary>
/// Keeps the promise of 「担当者と話したい」 wherever a chamber has a desk: the request becomes a case with the company's
/// situation (<see cref="CaseSnapshots"/>), the desk is told (<see cref="DeskNotices"/>, and the console at once), and the
/// owner is told the truth for that moment (<see cref="DeskReach"/>): a person will answer in this chat (place in line,
/// usual wait), or nobody can just now (hours; how should they get back to you?), or call the desk with the 受付番号.
/// Without any desk the engine's own answer stands (where else to find help), and no case is opened that nobody would see.
/// </summary>
internal sealed partial class DeskHandoff(
    IDeskStore desk, EvidenceRecorder evidence, CaseSnapshots snapshots, DeskNotices notices, DeskReach reach, DeskQueue queue, DeskEvents events,
    TenantCatalog tenants, IOptions<HostTexts> texts, ILogger<DeskHandoff> logger)
{
    public async Task<TurnResult> ApplyAsync(TurnResult result, IncomingTurn turn, CancellationToken ct)
    {
        if (result.Handoff is not { } request)
            return result;
        var tenant = tenants.Find(request.Conversation.TenantId);
        var mode = tenant is null ? DeskReachMode.None : await reach.NowAsync(tenant, ct);
        if (tenant is null || mode == DeskReachMode.None)
        {
            NoDesk(logger, request.Conversation.TenantId);
            return result;
        }

        // Only a case the desk can answer in the chat keeps the way back to the owner; a phone-only desk needs none.
        string? route = mode == DeskReachMode.ContactOnly ? null : turn.Route;
        if (route is null && tenant.Options.SupportDesk.ContactLine() is null)
        {
            NoDesk(logger, tenant.Id);   // a channel that cannot be answered, and no number to call: nobody could follow it up
            return result;
        }
        var snapshot = await snapshots.TakeAsync(request.Conversation, request.UserId, ct);
        var opening = await desk.OpenCaseAsync(new NewCase(request.Conversation, request.UserId, turn.ChannelId, turn.Text, snapshot, route), ct);
        if (opening.Created)
        {
            await desk.AppendAuditAsync(tenant.Id, null, AuditAction.Opened, opening.Case.Id, turn.ChannelId, ct);
            notices.CaseOpened(tenant, opening.Case);
            events.Publish(new DeskEvent(tenant.Id, opening.Case.Id, DeskEventKind.CaseChanged));
            Opened(logger, tenant.Id, turn.ChannelId, mode);
            await evidence.FollowedAsync(request.Conversation, FollowUpKind.CaseOpened, ct);
        }

        var told = await TellAsync(tenant, opening, mode, ct);
        // The engine's handoff reply is replaced (its buttons kept unless the desk asks its own); whatever else the turn said follows unchanged.
        var replies = result.Replies.ToList();
        int index = replies.FindIndex(r => r.Card is null);
        if (index >= 0)
            replies[index] = told.Choices.Count > 0 ? told : told with { Choices = replies[index].Choices };
        else
            replies.Insert(0, told);
        return result with { Replies = replies };
    }

    private async Task<BotReply> TellAsync(Tenant tenant, CaseOpening opening, DeskReachMode mode, CancellationToken ct)
    {
        var t = texts.Value;
        var options = tenant.Options.SupportDesk;
        string reference = CaseReference.Of(opening.Case.Id);
        string deskName = tenant.Options.DeskName;
        // A chat case opened earlier keeps its own terms: DeskChat answers the owner's messages while it is open.
        if (mode == DeskReachMode.ContactOnly || opening.Case.Route is null)
        {
            string contact = options.ContactLine() ?? "";
            return BotReply.Plain(DialogWording.Fill(opening.Created ? t.DeskCaseOpened : t.DeskCaseAlreadyOpen,
                ("reference", reference), ("desk", deskName), ("contact", contact)));
        }
        if (mode == DeskReachMode.Live)
            return BotReply.Plain(DialogWording.Fill(t.DeskLiveWaiting,
                ("reference", reference), ("desk", deskName), ("queue", await queue.DescribeAsync(opening.Case, ct))));

        string hours = options.Hours is { } h ? DialogWording.Fill(t.DeskAwayHours, ("hours", DeskHours.Describe(h))) : "";
        return DeskWording.WithChoices(DialogWording.Fill(t.DeskAway, ("reference", reference), ("desk", deskName), ("hours", hours)), t.DeskContactChoices);
    }

    [LoggerMessage(1, LogLevel.Information, "Opened a desk case for tenant {TenantId} from {Channel} ({Mode}).")]
    private static partial void Opened(ILogger logger, string tenantId, string channel, DeskReachMode mode);

    [LoggerMessage(2, LogLevel.Information, "An owner of tenant {TenantId} asked for a person; the tenant has no support desk (no console accounts from `mamori desk add-user`, no Tenants:<id>:SupportDesk contact), so no case was opened and the bot named other places to ask.")]
    private static partial void NoDesk(ILogger logger, string tenantId);
}
