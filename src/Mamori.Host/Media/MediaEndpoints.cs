using Mamori.Core;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Media;

internal static class MediaEndpoints
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            return new MediaStore(sp.GetRequiredService<ContentRoot>().Resolve(options.SqlitePath), options.MaxTotalBytes);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id}", (string id, MediaStore store, HttpContext context) =>
        {
            if (store.Find(id) is not { } item)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, max-age=86400";
            // An SVG opened on its own must not run anything.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return Results.Bytes(item.Content, item.ContentType);
        });
        return app;
    }
}
