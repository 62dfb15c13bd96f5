using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Access;

public static class AccessExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>()
            .BindConfiguration(AccessOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.TokenSigningKey) || IsStrongKey(o.TokenSigningKey),
                $"{AccessOptions.Section}:TokenSigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessTokens>();
        // Which server and version answer is nobody's business but ours.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    private static bool IsStrongKey(string base64)
    {
        Span<byte> buffer = stackalloc byte[512];
        return Convert.TryFromBase64String(base64, buffer, out int written) && written >= 32;
    }
}
