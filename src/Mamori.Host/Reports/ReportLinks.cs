using Mamori.Core.Dialogs;
using Microsoft.Extensions.Options;
using Mamori.Host.Access;

namespace Mamori.Host.Reports;

/// <summary>Signed, expiring links to /report/{conversationId}: the link itself is the permission to read the report.</summary>
public sealed class ReportLinks(AccessTokens tokens, IOptions<ReportOptions> options)
{
    public Uri Create(Uri publicBase, ConversationKey conversation, string userId)
    {
        string token = tokens.Issue(new TokenGrant(conversation.TenantId, conversation.ConversationId, userId, TokenScope.Report), options.Value.LinkLifetime);
        return new Uri(publicBase, $"/report/{Uri.EscapeDataString(conversation.ConversationId)}?t={Uri.EscapeDataString(token)}");
    }
}
