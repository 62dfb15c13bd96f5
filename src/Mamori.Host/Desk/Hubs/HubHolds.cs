using System.Collections.Concurrent;
using Mamori.Core.Dialogs;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// The conversations a contact-centre hub has, between handoff.initiate and handoff.status completed or failed. Kept in
/// memory on purpose: after a restart the bot answering again is the safe way to fail (a hold that outlived its hub
/// would silence the owner). A hold also ends after <see cref="HubOptions.MaxHold"/>. Per host: with several instances
/// the owner's later messages must reach the host that handed over (the hub's own routing), or the bot answers them.
/// </summary>
internal sealed class HubHolds(IOptions<HubOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 1000;
    private readonly ConcurrentDictionary<ConversationKey, DateTimeOffset> _since = new();

    public void Hold(ConversationKey conversation)
    {
        if (_since.Count > PruneAbove)
        {
            foreach (var (key, since) in _since)
            {
                if (Expired(since))
                    _since.TryRemove(key, out _);
            }
        }
        _since[conversation] = clock.GetUtcNow();
    }

    public bool IsHeld(ConversationKey conversation) =>
        _since.TryGetValue(conversation, out var since) && !Expired(since);

    /// <summary>True when the hub had the conversation (so the owner is told it is back with the bot).</summary>
    public bool Release(ConversationKey conversation) =>
        _since.TryRemove(conversation, out var since) && !Expired(since);

    private bool Expired(DateTimeOffset since) => clock.GetUtcNow() - since >= options.Value.MaxHold;
}
