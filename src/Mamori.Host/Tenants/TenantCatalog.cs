using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mamori.Host.Access;

namespace Mamori.Host.Tenants;

/// <summary>All tenants, built once from options. The default tenant is added when not configured.</summary>
public sealed class TenantCatalog
{
    private readonly Dictionary<string, Tenant> _tenants;
    private readonly HashSet<string> _allOrigins;
    private readonly bool _loopbackAllowed;
    private readonly (Tenant Tenant, byte[] SecretHash)[] _secrets;

    public TenantCatalog(IOptions<TenantsOptions> options, IHostEnvironment environment)
    {
        // Local development: in Development, or while no chamber is configured (the embedded default), the default
        // tenant may be embedded by pages on this machine. A production site lists its chambers and their origins.
        var configured = options.Value.Tenants;
        bool local = environment.IsDevelopment() || configured.Keys.All(id => id == TenantsOptions.DefaultTenantId);
        _tenants = configured.ToDictionary(
            p => p.Key, p => new Tenant(p.Key, p.Value, local && p.Key == TenantsOptions.DefaultTenantId), StringComparer.Ordinal);
        _tenants.TryAdd(TenantsOptions.DefaultTenantId, new Tenant(TenantsOptions.DefaultTenantId, new TenantOptions(), local));
        _allOrigins = _tenants.Values.SelectMany(t => t.AllowedOrigins).ToHashSet(StringComparer.Ordinal);
        _loopbackAllowed = _tenants.Values.Any(t => t.AllowsLoopback);
        _secrets = _tenants.Values
            .Where(t => !string.IsNullOrEmpty(t.Options.DirectLineSecret))
            .Select(t => (t, SHA256.HashData(Encoding.UTF8.GetBytes(t.Options.DirectLineSecret!))))
            .ToArray();
    }

    public Tenant Default => _tenants[TenantsOptions.DefaultTenantId];

    public IEnumerable<Tenant> All => _tenants.Values;

    public Tenant? Find(string? id) => id is not null && _tenants.TryGetValue(id, out var tenant) ? tenant : null;

    /// <summary>CORS preflights carry no token, so they are answered for any origin some tenant allows.</summary>
    public bool IsKnownOrigin(string origin) =>
        OriginPolicy.Normalize(origin) is { } o && (_allOrigins.Contains(o) || (_loopbackAllowed && OriginPolicy.IsLoopback(o)));

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
