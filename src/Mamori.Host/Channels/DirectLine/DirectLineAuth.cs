using Mamori.Host.Tenants;
using Mamori.Host.Access;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// Who is calling: a tenant's secret (server side, any conversation of that tenant) or a token (one conversation).
/// Either way the browser's Origin, when present, must be one the tenant allows.
/// </summary>
internal readonly record struct Caller(Tenant Tenant, TokenGrant? Grant, string Token)
{
    public bool IsSecret => Grant is null;

    /// <summary>A token works for its own conversation only; a secret for every conversation of its tenant.</summary>
    public bool MayUse(Conversation conversation) =>
        conversation.Key.TenantId == Tenant.Id && (Grant is null || Grant.ConversationId == conversation.Id);
}

internal sealed class DirectLineAuth(AccessTokens tokens, TenantCatalog tenants)
{
    /// <summary>Returns the caller, or the error result to send (401 missing/invalid, 403 expired or foreign origin).</summary>
    public async Task<(Caller? Caller, IResult? Error)> AuthenticateAsync(HttpRequest request, bool allowSecret = true, bool allowToken = true)
    {
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return (null, DirectLineErrors.MissingAuth());
        string credential = header[7..].Trim();

        Caller caller;
        if (credential.Count(c => c == '.') == 2)
        {
            if (!allowToken)
                return (null, DirectLineErrors.Forbidden("This operation needs the Direct Line secret, not a token."));
            var check = await tokens.CheckAsync(credential, request.HttpContext.RequestAborted);
            if (check.Status == TokenStatus.Invalid || check.Grant!.Scope != TokenScope.Conversation)
                return (null, DirectLineErrors.InvalidToken());
            if (check.Status == TokenStatus.Expired)
                return (null, DirectLineErrors.Expired());
            if (check.Status == TokenStatus.Revoked)
                return (null, DirectLineErrors.Forbidden("This token was replaced by a refreshed one; use the newest token."));
            if (tenants.Find(check.Grant.TenantId) is not { } tenant)
                return (null, DirectLineErrors.InvalidToken());
            caller = new Caller(tenant, check.Grant, credential);
        }
        else
        {
            if (tenants.FindBySecret(credential) is not { } tenant)
                return (null, DirectLineErrors.InvalidToken());
            if (!allowSecret)
                return (null, DirectLineErrors.Forbidden("This operation needs a token, not the secret."));
            caller = new Caller(tenant, null, credential);
        }

        string? origin = request.Headers.Origin;
        if (!caller.Tenant.AllowsOrigin(origin, OriginPolicy.SelfOrigin(request)))
            return (null, DirectLineErrors.Forbidden($"Origin '{origin}' is not allowed for this tenant (Tenants:{caller.Tenant.Id}:AllowedOrigins)."));
        return (caller, null);
    }
}
