using Mamori.Core.Dialogs;

namespace Mamori.Host.Channels.DirectLine.Storage;

/// <summary>
/// What a Direct Line conversation must keep across a restart, and share between host instances: who it is for, its
/// transcript (an activity's index is its watermark), what the client has posted in all, and the inbox of accepted user
/// turns the bot has not answered yet. Activities are the JSON exactly as served. Each call is one transaction.
/// </summary>
/// <remarks>
/// Several hosts may write one conversation (a post on one, the desk's reply on another): an index already taken is a
/// <see cref="TranscriptConflictException"/>, and the writer reads what it missed (<see cref="ReadSinceAsync"/>) and
/// tries again. One host at a time answers a conversation's inbox: the pump lease (<see cref="TryLeaseAsync"/>).
/// </remarks>
public interface IDirectLineStore
{
    /// <summary>Stores a new conversation with its start turn in the inbox; false when the id exists already.</summary>
    Task<bool> CreateAsync(NewDirectLineConversation conversation, CancellationToken ct);

    /// <summary>The conversation with its whole transcript and inbox; null when unknown (never created, or forgotten).</summary>
    Task<StoredDirectLineConversation?> LoadAsync(string conversationId, CancellationToken ct);

    /// <summary>
    /// What was stored from <paramref name="fromIndex"/> on, with the conversation's posted total and whole inbox as they are
    /// now; null when the conversation is gone. Every inbox turn's echo is among the activities read.
    /// </summary>
    Task<TranscriptTail?> ReadSinceAsync(string conversationId, int fromIndex, CancellationToken ct);

    /// <summary>
    /// Appends activities at <paramref name="firstIndex"/> onwards (a <see cref="TranscriptConflictException"/> when another
    /// writer took an index first, and then nothing is stored); with <paramref name="answered"/>, removes that turn from the
    /// inbox in the same transaction, so a turn is answered once: either its reply and the removal are stored, or neither.
    /// </summary>
    Task AppendAsync(string conversationId, int firstIndex, IReadOnlyList<ReadOnlyMemory<byte>> activities, int? answered, CancellationToken ct);

    /// <summary>
    /// Appends the echo of a user's activity, raises the posted total, and (for a message) queues its turn in the inbox; a
    /// <see cref="TranscriptConflictException"/> when the index is taken.
    /// </summary>
    Task AcceptAsync(string conversationId, int index, ReadOnlyMemory<byte> echo, long postedBytes, InboxTurn? turn, CancellationToken ct);

    /// <summary>
    /// Ids of the conversations whose inbox holds turns and that no live host is answering (no pump lease, or an expired
    /// one: its host stopped or was killed), oldest first: what a host answers when it starts, and sweeps for later.
    /// </summary>
    Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct);

    /// <summary>
    /// Takes (or renews) the right to answer the conversation's inbox until <paramref name="until"/>; false while another
    /// host holds an unexpired lease (it will answer the turns this host queued).
    /// </summary>
    Task<bool> TryLeaseAsync(string conversationId, DateTimeOffset until, CancellationToken ct);

    /// <summary>
    /// Gives the lease up if the inbox is empty, atomically with accepting (so a turn accepted meanwhile is never left
    /// without a pump); false when turns wait, and the lease is kept. True too when this host no longer holds it.
    /// </summary>
    Task<bool> TryReleaseLeaseAsync(string conversationId, CancellationToken ct);

    /// <summary>
    /// Conversations that other hosts changed, as they change (a notice with no id: some may have been missed, look at all
    /// held); completes at once where no other host can write (the embedded file).
    /// </summary>
    IAsyncEnumerable<TranscriptChange> WatchAsync(CancellationToken ct);

    /// <summary>Marks a conversation as used (reads write nothing else), so the idle sweep keeps it.</summary>
    Task TouchAsync(string conversationId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Deletes conversations (transcript and inbox too) untouched since <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken ct);
}

public sealed record NewDirectLineConversation(ConversationKey Key, string UserId, Uri PublicBase, string ChannelId, DateTimeOffset CreatedAt);

public sealed record StoredDirectLineConversation(
    ConversationKey Key, string UserId, Uri PublicBase, long PostedBytes,
    IReadOnlyList<byte[]> Transcript, IReadOnlyList<InboxTurn> Inbox);

/// <summary>The stored activities from an index on, and the conversation's posted total and inbox now.</summary>
public sealed record TranscriptTail(IReadOnlyList<byte[]> Activities, long PostedBytes, IReadOnlyList<InboxTurn> Inbox);

/// <summary>Another host changed <see cref="ConversationId"/>; null: the feed was interrupted, any held one may have changed.</summary>
public sealed record TranscriptChange(string? ConversationId);

/// <summary>Another writer stored an activity at an index first: read what was missed and write again.</summary>
public sealed class TranscriptConflictException(string conversationId, Exception inner)
    : Exception($"Direct Line conversation '{conversationId}': another writer stored activities first.", inner);

/// <summary>
/// An accepted turn not yet answered: <see cref="EchoIndex"/> is the index of the user's echo in the transcript, or
/// <see cref="StartTurn"/> for the greeting the bot owes a new conversation.
/// </summary>
public sealed record InboxTurn(int EchoIndex, string UserId, string Text, string ChannelId)
{
    public const int StartTurn = -1;

    public bool IsStart => EchoIndex == StartTurn;
}
