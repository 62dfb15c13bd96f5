namespace Mamori.Host.Access;

/// <summary>
/// What a client sees when something fails inside the host: a ProblemDetails body with a plain Japanese title and the
/// trace id to quote, never an exception's message or stack trace — in every environment, since `dotnet run` and a
/// mistyped ASPNETCORE_ENVIRONMENT must not turn a bug into a map of the source tree. The exception itself is logged.
/// </summary>
public static class ErrorResponses
{
    public const string Title = "申し訳ありません。サーバーで問題が起きました。しばらくしてから、もう一度お試しください。";

    public static IServiceCollection AddErrorResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status >= StatusCodes.Status500InternalServerError)
            {
                // A handler that knows what failed (the database is away: 503, DatabaseUnavailableHandler) gives its own title.
                if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
                    context.ProblemDetails.Title = Title;
                context.ProblemDetails.Detail = null;
            }
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        // Browsers are told to use HTTPS only once they have reached the site over HTTPS (the middleware skips plain
        // HTTP and localhost), so a chamber's site behind TLS gets HSTS and a local `dotnet run` is unaffected.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline after the forwarded headers, so every later failure is caught here.</summary>
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app, IHostEnvironment environment)
    {
        app.UseExceptionHandler();
        if (!environment.IsDevelopment())
            app.UseHsts();
        return app;
    }
}
