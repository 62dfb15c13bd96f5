using Mamori.Core.Dialogs;
using Mamori.Core.Messages;

namespace Mamori.Host.Reports;

/// <summary>The latest diagnosis result the bot showed in a conversation, as the report page prints it.</summary>
public sealed record ReportSnapshot(ConversationKey Conversation, ReplyCard Card, ReplyImage? Image, string? ImageUrl, DateTimeOffset CreatedAt);

/// <summary>
/// Keeps the last result card per conversation, taken from the replies as they go out, so the report page shows exactly
/// what the user saw — also after a restart or on another instance, since the link in the chat stays valid for
/// <see cref="ReportOptions.LinkLifetime"/>. Bounded by <see cref="ReportOptions.MaxReports"/>: the oldest go first.
/// </summary>
/// <remarks><see cref="SqliteReportSnapshots"/> by default; the PostgreSQL one with <c>Storage:Provider=postgres</c>.</remarks>
public interface IReportSnapshots
{
    /// <summary>Replaces the conversation's report, then drops the oldest beyond the bound.</summary>
    Task SaveAsync(ReportSnapshot snapshot, CancellationToken cancellationToken);

    Task<ReportSnapshot?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Drops a conversation's report (the person asked to be forgotten).</summary>
    Task ForgetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes the reports made before <paramref name="cutoff"/> (the retention sweep); returns how many went.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
