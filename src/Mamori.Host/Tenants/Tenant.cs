namespace Mamori.Host.Tenants;

/// <summary>A tenant as the host uses it at run time: settings plus its normalised origins.</summary>
public sealed class Tenant(string id, TenantOptions options)
{
    public string Id { get; } = id;
    public TenantOptions Options { get; } = options;
    public IReadOnlySet<string> AllowedOrigins { get; } =
        options.AllowedOrigins.Select(OriginPolicy.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>No Origin header (server to server, or a same-origin GET) or our own origin is always fine.</summary>
    public bool AllowsOrigin(string? origin, string selfOrigin)
    {
        if (string.IsNullOrEmpty(origin))
            return true;
        string? normalized = OriginPolicy.Normalize(origin);
        return normalized is not null && (normalized == selfOrigin || AllowedOrigins.Contains(normalized));
    }
}
