using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Mamori.Host.Assets;

/// <summary>
/// What makes the first page fast: Brotli/gzip for pages, scripts, styles and JSON, and the Web Chat bundle compressed
/// once and cached by the browser (<see cref="WebChatBundle"/>).
/// </summary>
public static class AssetsExtensions
{
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddSingleton<WebChatBundle>();
        services.AddHostedService(sp => sp.GetRequiredService<WebChatBundle>());
        // Over HTTPS Kestrel leaves compression off (BREACH: pages carry tokens); behind a TLS proxy it sees plain HTTP.
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "image/x-icon"];
        });
        // Small responses: the fastest level compresses them in microseconds and still shrinks HTML and JSON 3–5×.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        WebChatBundle.Map(app);
        return app;
    }
}
