using Mamori.Core.Messages;
using Mamori.Desk.Cases;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Desk.Live;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// The desk's messages into a Web Chat or widget conversation: appended to its transcript like the bot's own, so the open
/// socket shows them at once and a client that polls or reconnects reads them by watermark. A conversation this process
/// no longer holds (closed and forgotten after idling, or before a restart) cannot be reached; the message stays in the case chat.
/// </summary>
internal sealed class DirectLineOwnerChannel(ConversationRegistry registry, ReplyRenderer renderer) : IOwnerChannel
{
    public const string SchemeName = "directline";

    public string Scheme => SchemeName;

    public static string RouteOf(Conversation conversation) => new OwnerRoute(SchemeName, conversation.Id).ToString();

    public Task<bool> SendAsync(DeskCase deskCase, string address, IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        if (registry.Find(address) is not { } conversation || conversation.Key != deskCase.Conversation)
            return Task.FromResult(false);
        foreach (var reply in replies)
        {
            foreach (var activity in renderer.Render(new PublishedReply(reply, null, null), conversation, null))
                conversation.Append(activity);
        }
        conversation.Touch();
        return Task.FromResult(true);
    }
}
