using Mamori.Host.Access;

namespace Mamori.Host.Reports;

/// <summary>Allowed: the owner's signed link. The adviser's view is on the desk console (/desk/cases/{id}/report).</summary>
internal enum ReportAccessResult { Allowed, Expired, Denied }

/// <summary>
/// Who may read /report/{id}: whoever holds the signed link from the result card (scope "report", this conversation),
/// and nobody else: advisers sign in to the desk console with their own accounts.
/// </summary>
internal sealed class ReportAccess(AccessTokens tokens)
{
    public async Task<ReportAccessResult> CheckAsync(string conversationId, string? token, ReportSnapshot? snapshot, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var check = await tokens.CheckAsync(token, cancellationToken);
            if (check.Grant is { Scope: TokenScope.Report } grant && grant.ConversationId == conversationId
                && (snapshot is null || snapshot.Conversation.TenantId == grant.TenantId))
                return check.Status == TokenStatus.Valid ? ReportAccessResult.Allowed : ReportAccessResult.Expired;
        }
        return ReportAccessResult.Denied;
    }
}
