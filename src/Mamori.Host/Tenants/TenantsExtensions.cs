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
        services.AddRateLimiter(TenantTokenEndpoint.ConfigureRateLimit);
        return services;
    }

    public static IEndpointRouteBuilder MapTenantApi(this IEndpointRouteBuilder app)
    {
        TenantTokenEndpoint.Map(app);
        return app;
    }
}
