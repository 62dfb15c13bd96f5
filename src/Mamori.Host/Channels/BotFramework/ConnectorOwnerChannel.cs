using System.Text.Json;
using Mamori.Core.Messages;
using Mamori.Desk.Cases;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework.Connector;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Desk.Live;

namespace Mamori.Host.Channels.BotFramework;

/// <summary>
/// The desk's messages into a Teams (or other Bot Framework) conversation, sent proactively through the Connector with the
/// conversation reference the owner's last turn left on the case: channel, service URL, conversation, bot and user.
/// </summary>
internal sealed partial class ConnectorOwnerChannel(
    ConnectorClient connector, BotFrameworkRenderer renderer, ILogger<ConnectorOwnerChannel> logger) : IOwnerChannel
{
    public const string SchemeName = "connector";

    public string Scheme => SchemeName;

    /// <summary>The reference kept on a case: the inbound activity without its text, attachments or anything the owner wrote.</summary>
    public static string RouteOf(Activity inbound) => new OwnerRoute(SchemeName, JsonSerializer.Serialize(new Activity
    {
        ChannelId = inbound.ChannelId,
        ServiceUrl = inbound.ServiceUrl,
        From = inbound.From is { } from ? new ChannelAccount { Id = from.Id, Name = from.Name } : null,
        Recipient = inbound.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
        Conversation = inbound.Conversation is { } c
            ? new ConversationAccount { Id = c.Id, ConversationType = c.ConversationType, IsGroup = c.IsGroup, TenantId = c.TenantId }
            : null,
    }, ActivityJson.Default.Activity)).ToString();

    public async Task<bool> SendAsync(DeskCase deskCase, string address, IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        Activity? reference;
        try
        {
            reference = JsonSerializer.Deserialize(address, ActivityJson.Default.Activity);
        }
        catch (JsonException)
        {
            reference = null;
        }
        if (reference is not { ServiceUrl: { Length: > 0 } serviceUrl, Conversation.Id: { Length: > 0 } conversationId })
            return false;

        try
        {
            foreach (var reply in replies)
            {
                foreach (var activity in renderer.Render(new PublishedReply(reply, null, null), reference))
                    await connector.SendAsync(serviceUrl, conversationId, activity, ct);
            }
            return true;
        }
        catch (ConnectorException ex)
        {
            SendFailed(logger, ex, deskCase.TenantId, ex.StatusCode);
            return false;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "The Bot Connector refused a desk message for an owner of tenant {TenantId} (HTTP {Status}).")]
    private static partial void SendFailed(ILogger logger, Exception exception, string tenantId, int? status);
}
