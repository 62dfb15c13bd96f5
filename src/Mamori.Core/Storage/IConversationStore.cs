using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;

namespace Mamori.Core.Storage;

/// <summary>
/// Conversation and user state, with optimistic concurrency: a save names the version it read, and fails (returns false)
/// when another turn saved in between, so the caller reloads and re-applies instead of overwriting an answer.
/// Version 0 means "not stored yet": saving with expected version 0 inserts, and fails if someone inserted first.
/// </summary>
public interface IConversationStore
{
    Task<Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken);

    Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken);

    Task<Stored<UserState>?> LoadUserAsync(UserKey key, CancellationToken cancellationToken);

    Task<bool> TrySaveUserAsync(UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a conversation's state and its user's (answers, last result): for a person who leaves the channel, such as a
    /// LINE user who blocks the account. Nothing is kept; the next message starts as from someone new.
    /// </summary>
    Task ForgetAsync(ConversationKey conversation, UserKey user, CancellationToken cancellationToken);

    /// <summary>Deletes every conversation and user last saved before <paramref name="cutoff"/>; returns how many rows went.</summary>
    Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>A state as read, with the version a later save must name.</summary>
public sealed record Stored<T>(T State, long Version);

/// <summary>A user within one tenant: the same person on two chambers' widgets is two users.</summary>
public readonly record struct UserKey(string TenantId, string UserId)
{
    public override string ToString() => $"{TenantId}/{UserId}";
}
