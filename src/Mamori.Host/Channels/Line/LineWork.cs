using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.Line.Wire;
using Mamori.Host.Tenants;

namespace Mamori.Host.Channels.Line;

/// <summary>One accepted webhook event, with what answering it needs.</summary>
internal sealed record LineWork(Tenant Tenant, LineEvent Event, DateTimeOffset ReceivedAt, Uri PublicBase)
{
    /// <summary>
    /// The LINE user id in clear: only for LINE's own API (push, loading), never logged, and stored only as the route of
    /// an open desk case (<see cref="LineOwnerChannel"/>), erased when the case ends.
    /// </summary>
    public string? LineUserId => Event.Source?.UserId;

    /// <summary>
    /// The id Mamori knows the person by: a hash of tenant and LINE user id. State, report links and logs carry this
    /// pseudonym, so a leaked database or log reveals no LINE ids; one account's users never meet another's.
    /// </summary>
    /// <remarks>Hashed once per event: the inbox, the turn, the audience and the store all ask for it.</remarks>
    public string? Pseudonym { get; } = Event.Source?.UserId is { Length: > 0 } user
        ? "line-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Tenant.Id}:{user}")))[..32]
        : null;

    /// <summary>Events of one person are answered in the order they came; events without a user share one queue.</summary>
    public string OrderKey => Tenant.Id + "/" + (Pseudonym ?? "-");

    public ConversationKey Conversation => new(Tenant.Id, Pseudonym ?? "line-unknown");
}
