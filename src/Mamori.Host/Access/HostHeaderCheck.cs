namespace Mamori.Host.Access;

/// <summary>
/// A Host header ASP.NET Core cannot decode (an invalid IDN such as <c>xn--</c>) throws wherever a page reads
/// <c>Request.Host</c>: the CSP, report links, absolute URLs. Refused first, as a 400, it never reaches them, and a client
/// sending such headers in a loop costs one short log line each, not an error with a stack trace.
/// </summary>
public static partial class HostHeaderCheck
{
    public static IApplicationBuilder UseHostHeaderCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            _ = context.Request.Host.Host;
        }
        catch (ArgumentException)
        {
            Refused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostHeaderCheck)));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The Host header is not a host name this server can read.");
            return;
        }
        await next(context);
    });

    [LoggerMessage(1, LogLevel.Debug, "Refused a request whose Host header is not a readable host name.")]
    private static partial void Refused(ILogger logger);
}
