using System.Collections.Concurrent;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;

namespace Mamori.Core.Storage;

/// <summary>
/// State in a dictionary, with the same concurrency contract as the SQLite store. Lost when the process ends:
/// for tests of other components and as the benchmark's baseline, never the default.
/// </summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<ConversationKey, Stored<ConversationState>> _conversations = new();
    private readonly ConcurrentDictionary<UserKey, Stored<UserState>> _users = new();
    private readonly ConcurrentDictionary<object, DateTimeOffset> _savedAt = new();

    public Task<Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(key, out var stored) ? stored : null);

    public Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(TrySave(_conversations, key, state, expectedVersion));

    public Task<Stored<UserState>?> LoadUserAsync(UserKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryGetValue(key, out var stored) ? stored : null);

    public Task<bool> TrySaveUserAsync(UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(TrySave(_users, key, state, expectedVersion));

    public Task ForgetAsync(ConversationKey conversation, UserKey user, CancellationToken cancellationToken)
    {
        _conversations.TryRemove(conversation, out _);
        _users.TryRemove(user, out _);
        _savedAt.TryRemove(conversation, out _);
        _savedAt.TryRemove(user, out _);
        return Task.CompletedTask;
    }

    public Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int removed = 0;
        foreach (var (key, savedAt) in _savedAt)
        {
            if (savedAt >= cutoff || !_savedAt.TryRemove(new KeyValuePair<object, DateTimeOffset>(key, savedAt)))
                continue;
            bool gone = key switch
            {
                ConversationKey conversation => _conversations.TryRemove(conversation, out _),
                UserKey user => _users.TryRemove(user, out _),
                _ => false,
            };
            removed += gone ? 1 : 0;
        }
        return Task.FromResult(removed);
    }

    private bool TrySave<TKey, TState>(ConcurrentDictionary<TKey, Stored<TState>> map, TKey key, TState state, long expectedVersion)
        where TKey : notnull
    {
        var next = new Stored<TState>(state, expectedVersion + 1);
        // TryUpdate compares the stored record by reference, so look up the instance we must replace first.
        bool saved = expectedVersion == 0
            ? map.TryAdd(key, next)
            : map.TryGetValue(key, out var current) && current.Version == expectedVersion && map.TryUpdate(key, next, current);
        if (saved)
            _savedAt[key] = DateTimeOffset.UtcNow;
        return saved;
    }
}
