using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// The Direct Line conversations this process serves, held in memory in front of the store: a conversation it does not
/// hold (after a restart) is read back from the store on first use. Bounded in count, and forgotten when idle — from the
/// store too.
/// </summary>
public sealed class ConversationRegistry(IOptions<DirectLineOptions> options, IDirectLineStore store, TimeProvider clock)
{
    /// <summary>A conversation used since the store last heard of it is marked used again after this long, not on every read.</summary>
    private static readonly TimeSpan TouchWriteInterval = TimeSpan.FromMinutes(1);

    private const string ChannelId = "directline";

    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public int Count => _conversations.Count;

    /// <summary>128 random bits, URL-safe: ids are not guessable, although tokens are checked anyway.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => "dl_" + Base64Url(RandomNumberGenerator.GetBytes(12));

    /// <summary>The conversation if this host holds it in memory (it has a copy to bring up to date).</summary>
    public Conversation? Held(string conversationId) => _conversations.GetValueOrDefault(conversationId);

    public IReadOnlyList<Conversation> AllHeld() => [.. _conversations.Values];

    /// <summary>The conversation from memory, else from the store; null when neither has it.</summary>
    public async Task<Conversation?> FindAsync(string conversationId, CancellationToken ct = default)
    {
        if (_conversations.TryGetValue(conversationId, out var held))
            return held;
        if (await store.LoadAsync(conversationId, ct) is not { } stored)
            return null;
        var loaded = new Conversation(stored, NewLimiter(), store, clock);
        var kept = _conversations.GetOrAdd(conversationId, loaded);
        if (!ReferenceEquals(kept, loaded))
        {
            loaded.Dispose();
            return kept;
        }
        // Another host's write between the read and now was told while this host held no copy to bring up to date.
        await loaded.CatchUpAsync(ct);
        return loaded;
    }

    /// <summary>Creates the conversation (stored with its start turn), or returns the existing one (created = false). Null when the host is full.</summary>
    public async Task<(Conversation? Conversation, bool Created)> GetOrCreateAsync(
        ConversationKey key, string userId, Uri publicBase, CancellationToken ct = default)
    {
        if (await FindAsync(key.ConversationId, ct) is { } existing)
            return (existing, false);
        if (_conversations.Count >= _options.MaxConversations)
            return (null, false);

        // The store decides between two starts of the same conversation (here or on another process): one insert wins.
        if (!await store.CreateAsync(new NewDirectLineConversation(key, userId, publicBase, ChannelId, clock.GetUtcNow()), ct))
            return (await FindAsync(key.ConversationId, ct), false);
        // What the store now holds: no activity yet, the greeting owed in the inbox.
        var fresh = new Conversation(new StoredDirectLineConversation(key, userId, publicBase, 0, [], [new InboxTurn(InboxTurn.StartTurn, userId, "", ChannelId)]),
            NewLimiter(), store, clock);
        var kept = _conversations.GetOrAdd(key.ConversationId, fresh);
        if (ReferenceEquals(kept, fresh))
            return (fresh, true);
        // A request read it back from the store in between: that copy carries the start turn in its inbox.
        fresh.Dispose();
        return (kept, false);
    }

    /// <summary>
    /// Forgets conversations idle longer than the configured timeout, in memory and in the store; called by
    /// <see cref="ConversationJanitor"/>. Conversations still in use are marked used in the store first, so a client that
    /// only reads keeps its conversation.
    /// </summary>
    public async Task<int> RemoveIdleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - _options.ConversationIdleTimeout;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastTouched < cutoff && _conversations.TryRemove(id, out _))
            {
                conversation.Dispose();
            }
            else if (conversation.LastTouched - conversation.StoredTouch > TouchWriteInterval)
            {
                var touched = conversation.LastTouched;
                await store.TouchAsync(id, touched, ct);
                conversation.StoredTouch = touched;
            }
        }
        return await store.DeleteIdleAsync(cutoff, ct);
    }

    private TokenBucketRateLimiter NewLimiter() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = _options.RateLimitBurst,
        TokensPerPeriod = _options.RateLimitPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
