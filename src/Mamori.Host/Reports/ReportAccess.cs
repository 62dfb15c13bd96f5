using System.Security.Cryptography;
using System.Text;
using Mamori.Host.Tenants;
using Mamori.Host.Access;

namespace Mamori.Host.Reports;

/// <summary>Allowed: the owner's signed link. Adviser: the tenant's adviser, who also sees the reviewers' notes.</summary>
internal enum ReportAccessResult { Allowed, Adviser, Expired, Denied }

/// <summary>
/// Who may read /report/{id}: whoever holds the signed link from the result card (scope "report", this conversation),
/// or an adviser of the report's tenant with the tenant's adviser password (HTTP basic auth, user "adviser").
/// </summary>
internal sealed class ReportAccess(AccessTokens tokens, TenantCatalog tenants)
{
    public const string AdviserUser = "adviser";

    public async Task<ReportAccessResult> CheckAsync(string conversationId, string? token, string? authorization, ReportSnapshot? snapshot)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var check = await tokens.CheckAsync(token);
            if (check.Grant is { Scope: TokenScope.Report } grant && grant.ConversationId == conversationId
                && (snapshot is null || snapshot.Conversation.TenantId == grant.TenantId))
                return check.Status == TokenStatus.Valid ? ReportAccessResult.Allowed : ReportAccessResult.Expired;
            return ReportAccessResult.Denied;
        }

        if (snapshot is not null && authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && tenants.Find(snapshot.Conversation.TenantId)?.Options.AdviserPassword is { Length: > 0 } password)
        {
            string expected = $"{AdviserUser}:{password}";
            byte[] given;
            try
            {
                given = Convert.FromBase64String(authorization[6..].Trim());
            }
            catch (FormatException)
            {
                return ReportAccessResult.Denied;
            }
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(Encoding.UTF8.GetBytes(expected)))
                ? ReportAccessResult.Adviser
                : ReportAccessResult.Denied;
        }
        return ReportAccessResult.Denied;
    }
}
