using System.Collections.Concurrent;
using Mamori.Core.Dialogs;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// The embedded default's hub holds, in memory on purpose: after a restart the bot answering again is the safe way to
/// fail (a hold that outlived its hub would silence the owner). With several instances they are shared in PostgreSQL
/// (PostgresHubHolds), so an owner's message reaching another instance is not answered by the bot while the hub has it.
/// </summary>
internal sealed class HubHolds(IOptions<HubOptions> options, TimeProvider clock) : IHubHolds
{
    private const int PruneAbove = 1000;
    private readonly ConcurrentDictionary<ConversationKey, DateTimeOffset> _since = new();

    public Task HoldAsync(ConversationKey conversation, CancellationToken ct)
    {
        Hold(conversation);
        return Task.CompletedTask;
    }

    public Task<bool> IsHeldAsync(ConversationKey conversation, CancellationToken ct) => Task.FromResult(IsHeld(conversation));

    public Task<bool> ReleaseAsync(ConversationKey conversation, CancellationToken ct) => Task.FromResult(Release(conversation));

    private void Hold(ConversationKey conversation)
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

    private bool IsHeld(ConversationKey conversation) =>
        _since.TryGetValue(conversation, out var since) && !Expired(since);

    private bool Release(ConversationKey conversation) =>
        _since.TryRemove(conversation, out var since) && !Expired(since);

    private bool Expired(DateTimeOffset since) => clock.GetUtcNow() - since >= options.Value.MaxHold;
}
