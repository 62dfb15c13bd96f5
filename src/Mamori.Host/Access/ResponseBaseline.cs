namespace Mamori.Host.Access;

/// <summary>
/// Headers every response carries, whatever produced it (pages, JSON, scripts, media, errors): no content sniffing, and
/// no referrer to other sites beyond the origin. Pages with their own stricter policy set theirs first and keep it.
/// </summary>
public static class ResponseBaseline
{
    public static IApplicationBuilder UseResponseBaseline(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            if (!headers.ContainsKey("Referrer-Policy"))
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
