using System.Collections.Concurrent;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;

namespace Mamori.Core.Storage;

/// <summary>
/// State in a dictionary, with the same concurrency contract as the SQLite store. Lost when the process ends:
/// for tests of other components and as the benchmark's baseline, never the default.
/// </summary>
/// <param name="clock">Stamps each save, which the retention compares with its cut-off; the host's clock (DI).</param>
public sealed class InMemoryConversationStore(TimeProvider? clock = null) : IConversationStore
{
    private readonly Table<ConversationKey, ConversationState> _conversations = new(clock ?? TimeProvider.System);
    private readonly Table<UserKey, UserState> _users = new(clock ?? TimeProvider.System);

    public Task<Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.Load(key));

    public Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TrySave(key, state, expectedVersion));

    public Task<Stored<UserState>?> LoadUserAsync(UserKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_users.Load(key));

    public Task<bool> TrySaveUserAsync(UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TrySave(key, state, expectedVersion));

    public Task ForgetAsync(ConversationKey conversation, UserKey user, CancellationToken cancellationToken)
    {
        _conversations.Remove(conversation);
        _users.Remove(user);
        return Task.CompletedTask;
    }

    public Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.RemoveSavedBefore(cutoff) + _users.RemoveSavedBefore(cutoff));

    /// <summary>One kind of state: the stored versions, and when each was last saved (for the retention).</summary>
    private sealed class Table<TKey, TState>(TimeProvider clock)
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, Stored<TState>> _stored = new();
        private readonly ConcurrentDictionary<TKey, DateTimeOffset> _savedAt = new();

        public Stored<TState>? Load(TKey key) => _stored.TryGetValue(key, out var stored) ? stored : null;

        public bool TrySave(TKey key, TState state, long expectedVersion)
        {
            var next = new Stored<TState>(state, expectedVersion + 1);
            // TryUpdate compares the stored record by reference, so look up the instance we must replace first.
            bool saved = expectedVersion == 0
                ? _stored.TryAdd(key, next)
                : _stored.TryGetValue(key, out var current) && current.Version == expectedVersion && _stored.TryUpdate(key, next, current);
            if (saved)
                _savedAt[key] = clock.GetUtcNow();
            return saved;
        }

        public void Remove(TKey key)
        {
            _stored.TryRemove(key, out _);
            _savedAt.TryRemove(key, out _);
        }

        public int RemoveSavedBefore(DateTimeOffset cutoff)
        {
            int removed = 0;
            foreach (var (key, savedAt) in _savedAt)
            {
                if (savedAt < cutoff && _savedAt.TryRemove(new KeyValuePair<TKey, DateTimeOffset>(key, savedAt)) && _stored.TryRemove(key, out _))
                    removed++;
            }
            return removed;
        }
    }
}
