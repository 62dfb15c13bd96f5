using Mamori.Core.Dialogs;

namespace Mamori.Host.Bot;

/// <summary>
/// The seam between channels and the dialog engine: start a conversation (greeting) and handle one user turn.
/// Channels depend on this, so the Direct Line layer can be tested against a tiny scripted bot as well.
/// </summary>
public interface IConversationBot
{
    Task<TurnResult> StartAsync(ConversationKey conversation, string userId, string channelId, CancellationToken ct);

    Task<TurnResult> HandleAsync(IncomingTurn turn, CancellationToken ct);
}
