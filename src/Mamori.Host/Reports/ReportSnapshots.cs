using System.Collections.Concurrent;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Reports;

/// <summary>The latest diagnosis result the bot showed in a conversation, as the report page prints it.</summary>
public sealed record ReportSnapshot(ConversationKey Conversation, ReplyCard Card, ReplyImage? Image, string? ImageUrl, DateTimeOffset CreatedAt);

/// <summary>
/// Keeps the last result card per conversation, taken from the replies as they go out, so the report page shows exactly
/// what the user saw. In memory and bounded: a restart forgets reports (the chat can show the result again).
/// </summary>
public sealed class ReportSnapshots(IOptions<ReportOptions> options)
{
    // Keyed by conversation id (random, unique across tenants); the snapshot carries its tenant for the access check.
    private readonly ConcurrentDictionary<string, ReportSnapshot> _reports = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Save(ReportSnapshot snapshot)
    {
        string id = snapshot.Conversation.ConversationId;
        if (_reports.TryAdd(id, snapshot))
            _order.Enqueue(id);
        else
            _reports[id] = snapshot;

        while (_reports.Count > options.Value.MaxReports && _order.TryDequeue(out var oldest))
            _reports.TryRemove(oldest, out _);
    }

    /// <summary>Drops a conversation's report (the person asked to be forgotten); the stale id left in the order is skipped later.</summary>
    public void Forget(string conversationId) => _reports.TryRemove(conversationId, out _);

    public ReportSnapshot? Find(string conversationId) =>
        _reports.TryGetValue(conversationId, out var snapshot) ? snapshot : null;
}
