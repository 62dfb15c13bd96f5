using Mamori.Core.Messages;
using Mamori.Desk.Cases;

namespace Mamori.Host.Desk.Live;

/// <summary>Sends the desk's words to the owner through the channel named by the case's route.</summary>
internal sealed partial class OwnerMessenger(IEnumerable<IOwnerChannel> channels, ILogger<OwnerMessenger> logger)
{
    private readonly Dictionary<string, IOwnerChannel> _channels = channels.ToDictionary(c => c.Scheme, StringComparer.Ordinal);

    /// <summary>False when the case has no route this host can use, or the channel could not deliver.</summary>
    public async Task<bool> SendAsync(DeskCase deskCase, IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        if (OwnerRoute.Parse(deskCase.Route) is not { } route || !_channels.TryGetValue(route.Scheme, out var channel))
        {
            NoRoute(logger, deskCase.TenantId, deskCase.Channel);
            return false;
        }
        bool sent = await channel.SendAsync(deskCase, route.Address, replies, ct);
        if (!sent)
            NotDelivered(logger, deskCase.TenantId, route.Scheme);
        return sent;
    }

    [LoggerMessage(1, LogLevel.Warning, "A desk message for an owner of tenant {TenantId} on {Channel} has no route this host can send on; it stays in the case chat.")]
    private static partial void NoRoute(ILogger logger, string tenantId, string channel);

    [LoggerMessage(2, LogLevel.Warning, "A desk message for an owner of tenant {TenantId} could not be delivered through {Scheme}; it stays in the case chat.")]
    private static partial void NotDelivered(ILogger logger, string tenantId, string scheme);
}
