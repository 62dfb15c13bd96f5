using Mamori.Core.Dialogs;

namespace Mamori.Host.Channels.DirectLine.Storage;

/// <summary>
/// What a Direct Line conversation must keep across a restart: who it is for, its transcript (an activity's index is
/// its watermark), what the client has posted in all, and the inbox of accepted user turns the bot has not answered yet.
/// Activities are the JSON exactly as served. Each call is one transaction.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Stores a new conversation with its start turn in the inbox; false when the id exists already.</summary>
    Task<bool> CreateAsync(NewDirectLineConversation conversation, CancellationToken ct);

    /// <summary>The conversation with its whole transcript and inbox; null when unknown (never created, or forgotten).</summary>
    Task<StoredDirectLineConversation?> LoadAsync(string conversationId, CancellationToken ct);

    /// <summary>
    /// Appends activities at <paramref name="firstIndex"/> onwards; with <paramref name="answered"/>, removes that turn from the
    /// inbox in the same transaction, so a turn is answered once: either its reply and the removal are stored, or neither.
    /// </summary>
    Task AppendAsync(string conversationId, int firstIndex, IReadOnlyList<ReadOnlyMemory<byte>> activities, int? answered, CancellationToken ct);

    /// <summary>Appends the echo of a user's activity, raises the posted total, and (for a message) queues its turn in the inbox.</summary>
    Task AcceptAsync(string conversationId, int index, ReadOnlyMemory<byte> echo, long postedBytes, InboxTurn? turn, CancellationToken ct);

    /// <summary>Ids of the conversations whose inbox holds turns, oldest first: what a host answers when it starts.</summary>
    Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct);

    /// <summary>Marks a conversation as used (reads write nothing else), so the idle sweep keeps it.</summary>
    Task TouchAsync(string conversationId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Deletes conversations (transcript and inbox too) untouched since <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken ct);
}

public sealed record NewDirectLineConversation(ConversationKey Key, string UserId, Uri PublicBase, string ChannelId, DateTimeOffset CreatedAt);

public sealed record StoredDirectLineConversation(
    ConversationKey Key, string UserId, Uri PublicBase, long PostedBytes,
    IReadOnlyList<byte[]> Transcript, IReadOnlyList<InboxTurn> Inbox);

/// <summary>
/// An accepted turn not yet answered: <see cref="EchoIndex"/> is the index of the user's echo in the transcript, or
/// <see cref="StartTurn"/> for the greeting the bot owes a new conversation.
/// </summary>
public sealed record InboxTurn(int EchoIndex, string UserId, string Text, string ChannelId)
{
    public const int StartTurn = -1;

    public bool IsStart => EchoIndex == StartTurn;
}
