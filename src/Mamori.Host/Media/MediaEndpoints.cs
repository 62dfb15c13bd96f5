namespace Mamori.Host.Media;

internal static class MediaEndpoints
{
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
