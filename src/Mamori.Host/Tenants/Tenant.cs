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
