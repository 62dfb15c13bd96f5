namespace Mamori.Host.Tenants;

/// <summary>The "Tenants" section: tenant id → settings. The default tenant exists even when nothing is configured.</summary>
public sealed class TenantsOptions
{
    public const string Section = "Tenants";
    public const string DefaultTenantId = "default";

    public Dictionary<string, TenantOptions> Tenants { get; } = new(StringComparer.Ordinal);
}
