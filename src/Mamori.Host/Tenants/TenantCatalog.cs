using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tenants;

/// <summary>All tenants, built once from options. The default tenant is added when not configured.</summary>
public sealed class TenantCatalog
{
    private readonly Dictionary<string, Tenant> _tenants;
    private readonly HashSet<string> _allOrigins;
    private readonly (Tenant Tenant, byte[] SecretHash)[] _secrets;

    public TenantCatalog(IOptions<TenantsOptions> options)
    {
        _tenants = options.Value.Tenants.ToDictionary(p => p.Key, p => new Tenant(p.Key, p.Value), StringComparer.Ordinal);
        _tenants.TryAdd(TenantsOptions.DefaultTenantId, new Tenant(TenantsOptions.DefaultTenantId, new TenantOptions()));
        _allOrigins = _tenants.Values.SelectMany(t => t.AllowedOrigins).ToHashSet(StringComparer.Ordinal);
        _secrets = _tenants.Values
            .Where(t => !string.IsNullOrEmpty(t.Options.DirectLineSecret))
            .Select(t => (t, SHA256.HashData(Encoding.UTF8.GetBytes(t.Options.DirectLineSecret!))))
            .ToArray();
    }

    public Tenant Default => _tenants[TenantsOptions.DefaultTenantId];

    public IEnumerable<Tenant> All => _tenants.Values;

    public Tenant? Find(string? id) => id is not null && _tenants.TryGetValue(id, out var tenant) ? tenant : null;

    /// <summary>CORS preflights carry no token, so they are answered for any origin some tenant allows.</summary>
    public bool IsKnownOrigin(string origin) => OriginPolicy.Normalize(origin) is { } o && _allOrigins.Contains(o);

    /// <summary>The tenant whose Direct Line secret this is; compared in constant time.</summary>
    public Tenant? FindBySecret(string secret)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        Tenant? found = null;
        foreach (var (tenant, secretHash) in _secrets)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, secretHash))
                found = tenant;
        }
        return found;
    }
}
