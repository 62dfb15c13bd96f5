using Mamori.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Media;

internal static class MediaEndpoints
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // TryAdd: AddStorage, which runs first, registers the PostgreSQL store when the pictures are shared.
        services.TryAddSingleton<IMediaStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            return new SqliteMediaStore(sp.GetRequiredService<ContentRoot>().Resolve(options.SqlitePath), options.MaxTotalBytes);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id}", async (string id, IMediaStore store, HttpContext context) =>
        {
            if (await store.FindAsync(id, context.RequestAborted) is not { } item)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, max-age=86400";
            // An SVG opened on its own must not run anything.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return Results.Bytes(item.Content, item.ContentType);
        });
        return app;
    }
}
