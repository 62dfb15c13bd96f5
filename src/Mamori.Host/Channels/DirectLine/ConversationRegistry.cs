using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Mamori.Core.Dialogs;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// The live Direct Line conversations of this process, in memory. The dialog state itself lives in the engine's store;
/// what is kept here is the transcript clients replay by watermark, so it is bounded in count and forgotten when idle.
/// </summary>
public sealed class ConversationRegistry(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public int Count => _conversations.Count;

    /// <summary>128 random bits, URL-safe: ids are not guessable, although tokens are checked anyway.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => "dl_" + Base64Url(RandomNumberGenerator.GetBytes(12));

    public Conversation? Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    /// <summary>Creates the conversation, or returns the existing one (created = false). Null when the host is full.</summary>
    public Conversation? GetOrCreate(ConversationKey key, string userId, Uri publicBase, out bool created)
    {
        created = false;
        if (_conversations.TryGetValue(key.ConversationId, out var existing))
            return existing;
        if (_conversations.Count >= _options.MaxConversations)
            return null;

        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.RateLimitBurst,
            TokensPerPeriod = _options.RateLimitPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        var fresh = new Conversation(key, userId, publicBase, limiter, clock);
        var stored = _conversations.GetOrAdd(key.ConversationId, fresh);
        if (ReferenceEquals(stored, fresh))
            created = true;
        else
            fresh.Dispose();
        return stored;
    }

    /// <summary>Forgets conversations idle longer than the configured timeout; called by <see cref="ConversationJanitor"/>.</summary>
    public int RemoveIdle()
    {
        var cutoff = clock.GetUtcNow() - _options.ConversationIdleTimeout;
        int removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastTouched < cutoff && _conversations.TryRemove(id, out _))
            {
                conversation.Dispose();
                removed++;
            }
        }
        return removed;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
