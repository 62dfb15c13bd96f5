using Mamori.Host.Access;
namespace Mamori.Host.Tenants;

/// <summary>A tenant as the host uses it at run time: settings plus its normalised origins.</summary>
public sealed class Tenant(string id, TenantOptions options, bool allowsLoopback = false)
{
    public string Id { get; } = id;
    public TenantOptions Options { get; } = options;
    public IReadOnlySet<string> AllowedOrigins { get; } =
        options.AllowedOrigins.Select(OriginPolicy.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Pages on this machine (http://localhost:*, http://127.0.0.1:*, http://[::1]:*) may embed this tenant too: the
    /// default tenant in local development, so the README's widget snippet works on a test page with nothing configured.
    /// </summary>
    public bool AllowsLoopback { get; } = allowsLoopback;

    /// <summary>
    /// Who may mint a browser token (POST /api/tenants/{id}/token, no secret): a page on an allowed origin. A tenant that
    /// lists its origins gets no token for a caller without an Origin header — browsers always send one on a POST, so that
    /// is a script, and a chamber's own server mints with its Direct Line secret instead.
    /// </summary>
    public bool AllowsTokenMint(string? origin, string selfOrigin) =>
        (!string.IsNullOrEmpty(origin) || AllowedOrigins.Count == 0) && AllowsOrigin(origin, selfOrigin);

    /// <summary>No Origin header (server to server, or a same-origin GET) or our own origin is always fine.</summary>
    public bool AllowsOrigin(string? origin, string selfOrigin)
    {
        if (string.IsNullOrEmpty(origin))
            return true;
        string? normalized = OriginPolicy.Normalize(origin);
        return normalized is not null
            && (normalized == selfOrigin || AllowedOrigins.Contains(normalized) || (AllowsLoopback && OriginPolicy.IsLoopback(normalized)));
    }
}
