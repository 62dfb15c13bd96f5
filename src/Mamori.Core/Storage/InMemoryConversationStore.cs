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
        return Task.CompletedTask;
    }

    private static bool TrySave<TKey, TState>(ConcurrentDictionary<TKey, Stored<TState>> map, TKey key, TState state, long expectedVersion)
        where TKey : notnull
    {
        var next = new Stored<TState>(state, expectedVersion + 1);
        if (expectedVersion == 0)
            return map.TryAdd(key, next);
        // TryUpdate compares the stored record by reference, so look up the instance we must replace first.
        return map.TryGetValue(key, out var current) && current.Version == expectedVersion && map.TryUpdate(key, next, current);
    }
}
