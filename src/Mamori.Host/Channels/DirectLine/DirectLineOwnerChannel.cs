using Mamori.Core.Messages;
using Mamori.Desk.Cases;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Desk.Live;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// The desk's messages into a Web Chat or widget conversation: appended to its transcript like the bot's own, so the open
/// socket shows them at once and a client that polls or reconnects reads them by watermark, after a restart too. A
/// conversation forgotten after idling cannot be reached; the message stays in the case chat.
/// </summary>
internal sealed class DirectLineOwnerChannel(ConversationRegistry registry, ReplyRenderer renderer) : IOwnerChannel
{
    public const string SchemeName = "directline";

    public string Scheme => SchemeName;

    public static string RouteOf(Conversation conversation) => new OwnerRoute(SchemeName, conversation.Id).ToString();

    public async Task<bool> SendAsync(DeskCase deskCase, string address, IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        if (await registry.FindAsync(address, ct) is not { } conversation || conversation.Key != deskCase.Conversation)
            return false;
        List<Activity> activities = [];
        foreach (var reply in replies)
            activities.AddRange(renderer.Render(new PublishedReply(reply, null, null), conversation, null));
        await conversation.AppendAsync(activities, answered: null, ct);
        conversation.Touch();
        return true;
    }
}
