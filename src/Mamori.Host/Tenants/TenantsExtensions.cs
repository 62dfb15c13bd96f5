using Microsoft.Extensions.Options;

namespace Mamori.Host.Tenants;

public static class TenantsExtensions
{
    public static IServiceCollection AddTenants(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TenantsOptions>()
            .Configure(o => configuration.GetSection(TenantsOptions.Section).Bind(o.Tenants))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TenantsOptions>, TenantsOptionsValidator>();
        services.AddSingleton<TenantCatalog>();
        return services;
    }
}
