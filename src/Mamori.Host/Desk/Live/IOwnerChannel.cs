using Mamori.Core.Messages;
using Mamori.Desk.Cases;

namespace Mamori.Host.Desk.Live;

/// <summary>A channel that can send an owner the desk's messages outside of a turn (Direct Line, Bot Framework, LINE push).</summary>
public interface IOwnerChannel
{
    /// <summary>The <see cref="OwnerRoute.Scheme"/> this channel writes and reads.</summary>
    string Scheme { get; }

    /// <summary>
    /// Sends text and buttons (the desk's words are never cards or pictures); false when the owner cannot be reached this
    /// way any more (the chat was forgotten, the service refused).
    /// </summary>
    Task<bool> SendAsync(DeskCase deskCase, string address, IReadOnlyList<BotReply> replies, CancellationToken ct);
}
