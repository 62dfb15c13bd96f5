using Mamori.Core.Messages;
using Mamori.Desk.Cases;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Desk.Live;
using Mamori.Host.Tenants;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// The desk's messages to a LINE friend, as pushes (there is no reply token outside a turn): counted against the
/// account's monthly message allowance like every push, and logged as such.
/// </summary>
internal sealed class LineOwnerChannel(
    LineApiClient api, LineRenderer renderer, LinePushCounter pushes, TenantCatalog tenants, ILogger<LineOwnerChannel> logger) : IOwnerChannel
{
    public const string SchemeName = "line";

    public string Scheme => SchemeName;

    /// <summary>The LINE user id in clear: LINE's push needs it. It stays on the case only while the case is open.</summary>
    public static string? RouteOf(LineWork work) => work.LineUserId is { Length: > 0 } id ? new OwnerRoute(SchemeName, id).ToString() : null;

    public async Task<bool> SendAsync(DeskCase deskCase, string address, IReadOnlyList<BotReply> replies, CancellationToken ct)
    {
        if (tenants.Find(deskCase.TenantId) is not { Options.Line.IsConfigured: true } tenant || address.Length == 0)
            return false;
        var messages = renderer.Render([.. replies.Select(r => new PublishedReply(r, null, null))], tenant.Options.PrimaryColor);
        int perSend = ChannelCapabilities.Line.MaxMessagesPerSend!.Value;
        try
        {
            for (int start = 0; start < messages.Count; start += perSend)
            {
                await api.PushAsync(tenant.Options.Line, address, [.. messages.Skip(start).Take(perSend)], Guid.NewGuid(), ct);
                LineLog.Pushed(logger, tenant.Id, "a support desk message", pushes.Add(tenant.Id));
            }
            return true;
        }
        catch (LineApiException ex)
        {
            LineLog.SendFailed(logger, ex, tenant.Id, ex.StatusCode);
            return false;
        }
    }
}
