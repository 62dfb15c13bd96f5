using Mamori.Core.Dialogs;
using Mamori.Host.Desk;
using Mamori.Host.Desk.Hubs;
using Mamori.Host.Desk.Live;
using Mamori.Host.Tenants;

namespace Mamori.Host.Bot;

/// <summary>
/// The production bot: Mamori's dialog engine (diagnosis, questions, commands) from Mamori.Core. Each turn carries its
/// tenant's region, so a chamber's local programmes come first when the owner's own prefecture is not known; a request
/// for a person goes to the chamber's desk (<see cref="DeskHandoff"/>), and while a person has the conversation the
/// owner's messages go to them (<see cref="DeskChat"/>). When the desk hands back, the diagnosis resumes where it was.
/// </summary>
internal sealed class DialogEngineBot(DialogEngine engine, TenantCatalog tenants, DeskHandoff handoff, DeskChat desk, HubHandoff hub) : IConversationBot
{
    public Task<TurnResult> StartAsync(ConversationKey conversation, string userId, string channelId, CancellationToken ct) =>
        engine.StartAsync(conversation, userId, channelId, ct, RegionOf(conversation));

    public async Task<TurnResult> HandleAsync(IncomingTurn turn, CancellationToken ct)
    {
        if (await hub.HoldsAsync(turn.Conversation, ct))
            return HubHandoff.WhileHeld;   // a contact-centre hub has the conversation; its staff read the owner from the channel
        if (await desk.TryHandleAsync(turn, ct) is { } deskTurn)
        {
            if (!deskTurn.Resume)
                return new TurnResult(deskTurn.Replies);
            // The engine's own "welcome back": the unfinished diagnosis goes on at the question it was on.
            var resumed = await StartAsync(turn.Conversation, turn.UserId, turn.ChannelId, ct);
            return resumed with { Replies = [.. deskTurn.Replies, .. resumed.Replies] };
        }
        var result = await engine.HandleAsync(turn.Region is null ? turn with { Region = RegionOf(turn.Conversation) } : turn, ct);
        if (result.Handoff is not null && hub.Serves(turn))
            return await hub.HandOverAsync(result, turn, ct);
        return result.Handoff is null ? result : await handoff.ApplyAsync(result, turn, ct);
    }

    private string? RegionOf(ConversationKey conversation) => tenants.Find(conversation.TenantId)?.Options.Region;
}
