using Mamori.Core.Dialogs;

namespace Mamori.Host.Bot;

/// <summary>The production bot: Mamori's dialog engine (diagnosis, questions, commands) from Mamori.Core.</summary>
internal sealed class DialogEngineBot(DialogEngine engine) : IConversationBot
{
    public Task<TurnResult> StartAsync(ConversationKey conversation, string userId, string channelId, CancellationToken ct) =>
        engine.StartAsync(conversation, userId, channelId, ct);

    public Task<TurnResult> HandleAsync(IncomingTurn turn, CancellationToken ct) => engine.HandleAsync(turn, ct);
}
