using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .Validate(o => !o.Errors().Any(), "Access:Proxies: every entry must be an IP address (KnownProxies) or a CIDR network (KnownNetworks).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxyOptions>>((forwarded, proxies) => proxies.Value.ApplyTo(forwarded));
        services.AddErrorResponses();
        services.TryAddSingleton(TimeProvider.System);
        // TryAdd: AddStorage, which runs first, registers the shared PostgreSQL revocations when there are several instances.
        services.TryAddSingleton<ITokenRevocations>(sp => new TokenRevocations(sp.GetRequiredService<TimeProvider>(), TokenRevocations.Capacity));
        services.AddSingleton<AccessTokens>();
        // Which server and version answer is nobody's business but ours.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    /// <summary>
    /// The first middleware: the client's real address and scheme from the known proxies (when some are listed), then the
    /// error responses, so every later failure is a ProblemDetails without a stack trace.
    /// </summary>
    public static IApplicationBuilder UseAccessBaseline(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Any)
            app.UseForwardedHeaders();
        app.UseErrorResponses(app.Environment);
        app.UseHostHeaderCheck();
        app.UseResponseBaseline();
        return app;
    }

    private static bool IsStrongKey(string base64)
    {
        Span<byte> buffer = stackalloc byte[512];
        return Convert.TryFromBase64String(base64, buffer, out int written) && written >= 32;
    }
}
