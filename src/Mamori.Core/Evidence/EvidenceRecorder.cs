using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Evidence;

/// <summary>
/// Writes the anonymised record as things happen: the diagnosis when it completes, then what followed in the same
/// conversation. Ids are hashed here, before anything is stored; a failing store is logged, never felt by the owner.
/// </summary>
public sealed partial class EvidenceRecorder(IEvidenceStore store, EvidenceKeys keys, TimeProvider clock, ILogger<EvidenceRecorder> logger)
    : IDiagnosisObserver
{
    public async Task CompletedAsync(ConversationKey conversation, string userId, DiagnosisSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Facts is not { } facts)
            return;
        try
        {
            await store.AddDiagnosisAsync(new EvidenceDiagnosis(
                conversation.TenantId, keys.Company(conversation.TenantId, userId), keys.Conversation(conversation.TenantId, conversation.ConversationId),
                clock.GetUtcNow(), facts), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex, conversation.TenantId, "diagnosis");
        }
    }

    /// <param name="detail">A code (a measure id, a case outcome), never text.</param>
    public async Task FollowedAsync(ConversationKey conversation, FollowUpKind kind, CancellationToken cancellationToken, string detail = "", int value = 0)
    {
        try
        {
            await store.AddFollowUpAsync(new EvidenceFollowUp(
                conversation.TenantId, keys.Conversation(conversation.TenantId, conversation.ConversationId), clock.GetUtcNow(), kind, detail, value), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex, conversation.TenantId, kind.ToString());
        }
    }

    /// <summary>An owner who asked to be forgotten (or blocked the account): every diagnosis of theirs at this tenant goes.</summary>
    public Task<int> ForgetAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        store.DeleteCompanyAsync(tenantId, keys.Company(tenantId, userId), cancellationToken);

    [LoggerMessage(1201, LogLevel.Error, "Tenant {Tenant}: recording the anonymised {What} failed; the conversation goes on")]
    private static partial void Failed(ILogger logger, Exception exception, string tenant, string what);
}
