using Mamori.Core.Dialogs;
using Mamori.Core.Evidence;
using Mamori.Core.Messages;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Live;

/// <summary>What the desk says in the owner's turn instead of the bot; <see cref="Resume"/>: the bot carries on after it.</summary>
public sealed record DeskTurn(IReadOnlyList<BotReply> Replies, bool Resume = false);

/// <summary>
/// The owner's side of a chat case. While a case with a route is open, what the owner writes goes to the desk, not to
/// the bot: it is added to the case chat and the console is told. 「終了」 withdraws the request and gives the chat back
/// to the bot. When nobody can answer now, the owner's next replies choose how to be contacted. After the desk closes the
/// case, the owner's next message may be the 1–5 rating; anything else goes to the bot as usual.
/// </summary>
internal sealed class DeskChat(
    IDeskStore store, EvidenceRecorder evidence, DeskEvents events, DeskReach reach, TenantCatalog tenants, IOptions<HostTexts> texts, TimeProvider clock)
{
    /// <summary>Longer messages are cut here: the console shows a chat, not documents.</summary>
    public const int MaxMessageLength = 2000;
    private const int Attempts = 3;

    private HostTexts T => texts.Value;

    /// <summary>Null when the desk has nothing to do with this turn and the bot answers it.</summary>
    public async Task<DeskTurn?> TryHandleAsync(IncomingTurn turn, CancellationToken ct)
    {
        if (tenants.Find(turn.Conversation.TenantId) is not { } tenant)
            return null;
        return await store.FindCurrentCaseAsync(turn.Conversation, ct) switch
        {
            { IsOpen: true, Route: not null } open => await WhileOpenAsync(tenant, open, turn.Text.Trim(), ct),
            { RatingAsked: true } closed => await RatingAsync(closed, turn.Text, ct),
            _ => null,   // no case, or one the owner calls the desk about while the bot goes on answering
        };
    }

    private async Task<DeskTurn> WhileOpenAsync(Tenant tenant, DeskCase open, string text, CancellationToken ct)
    {
        if (DeskWording.Labels(T.DeskEndWords).Any(word => OwnerReplies.Is(text, word)))
            return await WithdrawAsync(open, ct);

        // Nobody can answer now and the owner has not said how to be reached: this reply may be that answer.
        bool askingContact = open is { State: CaseState.Waiting, Contact: null } && await reach.NowAsync(tenant, ct) != DeskReachMode.Live;
        if (askingContact && await ContactAsync(open, text, ct) is { } answered)
            return answered;

        await AppendAsync(open, text, ct);
        return open.State == CaseState.Taken ? new DeskTurn([])
            : askingContact ? new DeskTurn([DeskWording.WithChoices(T.DeskAskContactAgain, T.DeskContactChoices)])
            : new DeskTurn([BotReply.Plain(T.DeskMessageNoted)]);
    }

    /// <summary>The owner's answer to 「連絡方法をお選びください」; null when it is not one (then it is a message to the desk).</summary>
    private async Task<DeskTurn?> ContactAsync(DeskCase open, string text, CancellationToken ct)
    {
        var choices = DeskWording.Labels(T.DeskContactChoices);
        if (choices.Length > 0 && OwnerReplies.Is(text, choices[0]))
            return new DeskTurn([BotReply.Plain(T.DeskAskPhone)]);
        if (choices.Length > 1 && OwnerReplies.Is(text, choices[1]))
            return new DeskTurn([BotReply.Plain(T.DeskAskEmail)]);

        ContactPreference? contact = null;
        string said = "";
        if (choices.Length > 2 && OwnerReplies.Is(text, choices[2]))
            (contact, said) = (new ContactPreference(ContactMethod.Chat, null, default), T.DeskContactByChat);
        else if (OwnerReplies.Phone(text) is { } phone)
            (contact, said) = (new ContactPreference(ContactMethod.Phone, phone, default), DialogWording.Fill(T.DeskContactByPhone, ("contact", phone)));
        else if (OwnerReplies.Email(text) is { } email)
            (contact, said) = (new ContactPreference(ContactMethod.Email, email, default), DialogWording.Fill(T.DeskContactByEmail, ("contact", email)));
        if (contact is null)
            return null;

        var change = await ChangeAsync(open, (c, version) => store.SetContactAsync(c.TenantId, c.Id, contact with { ConsentedAt = clock.GetUtcNow() }, version, ct), ct);
        if (!change.Succeeded)
            return null;
        // The number or address itself stays on the case only (and is erased when it ends), not in the chat's history.
        await AppendAsync(open, "お客さまが連絡方法を選ばれました（相談の概要をご覧ください）。", ct, MessageSender.System);
        return new DeskTurn([BotReply.Plain(said + "\n" + T.DeskContactAfter)]);
    }

    /// <summary>The owner can no longer be reached (they blocked the LINE account): an open case is withdrawn and its route erased.</summary>
    public async Task OwnerLeftAsync(ConversationKey conversation, CancellationToken ct)
    {
        if (await store.FindOpenCaseAsync(conversation, ct) is { } open)
            await CancelAsync(open, "お客さまがこのチャットを閉じたため（ブロックなど）、ご相談は取り下げになりました。", ct);
    }

    private async Task<DeskTurn> WithdrawAsync(DeskCase open, CancellationToken ct)
    {
        await CancelAsync(open, "お客さまがご相談を取り下げました。", ct);
        return new DeskTurn([BotReply.Plain(T.DeskEndedByOwner)], Resume: true);
    }

    private async Task CancelAsync(DeskCase open, string line, CancellationToken ct)
    {
        var change = await ChangeAsync(open, (c, version) => store.CancelAsync(c.TenantId, c.Id, version, ct), ct);
        if (!change.Succeeded)
            return;
        await store.AppendAuditAsync(open.TenantId, null, AuditAction.Cancelled, open.Id, "by the owner", ct);
        await AppendAsync(open, line, ct, MessageSender.System);
        events.Publish(new DeskEvent(open.TenantId, open.Id, DeskEventKind.CaseChanged));
    }

    private async Task<DeskTurn?> RatingAsync(DeskCase closed, string text, CancellationToken ct)
    {
        var labels = DeskWording.Labels(T.DeskRatingChoices);
        if (OwnerReplies.Rating(text, labels) is { } score)
        {
            await ChangeAsync(closed, (c, version) => store.SetSatisfactionAsync(c.TenantId, c.Id, score, version, ct), ct);
            await evidence.FollowedAsync(closed.Conversation, FollowUpKind.Rated, ct, value: score);
            events.Publish(new DeskEvent(closed.TenantId, closed.Id, DeskEventKind.CaseChanged));
            return new DeskTurn([BotReply.Plain(T.DeskRatingThanks)], Resume: true);
        }
        await ChangeAsync(closed, (c, version) => store.DeclineRatingAsync(c.TenantId, c.Id, version, ct), ct);
        // 「答えない」 is an answer to the question; anything else is the owner moving on, and the bot takes it.
        return labels.Length > 0 && OwnerReplies.Is(text, labels[^1]) ? new DeskTurn([], Resume: true) : null;
    }

    private async Task AppendAsync(DeskCase open, string text, CancellationToken ct, MessageSender from = MessageSender.Owner)
    {
        string kept = text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
        if (await store.AppendMessageAsync(open.TenantId, open.Id, from, null, kept, ct) is { } message)
            events.Publish(new DeskEvent(open.TenantId, open.Id, DeskEventKind.Message, message.Sequence));
    }

    /// <summary>Applies a change under the version just read, reading again if the desk changed the case meanwhile.</summary>
    private async Task<CaseChange> ChangeAsync(DeskCase current, Func<DeskCase, long, Task<CaseChange>> change, CancellationToken ct)
    {
        var result = await change(current, current.Version);
        for (int i = 1; i < Attempts && result.Status == CaseChangeStatus.VersionConflict && result.Case is { } fresh; i++)
            result = await change(fresh, fresh.Version);
        return result;
    }
}
