using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Mamori.Host.Storage;

/// <summary>
/// A request that failed because the shared database did not answer is a 503 with Retry-After, not a 500: nothing is
/// wrong with the request or the host, and Web Chat and the widget retry on their own. Logged once, as a warning.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const string Title = "ただいまデータベースにつながりません。少し待ってから、もう一度お試しください。";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) && !(exception.InnerException is { } inner && IsUnavailable(inner)))
            return false;
        Unavailable(logger, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = Title },
        });
    }

    /// <summary>
    /// The database could not be reached or kept: no connection (refused, timed out, pool exhausted), a connection ended by
    /// the server (class 08, 57P: shut down, restarting), or the database gone (3D000). An error in a statement (syntax,
    /// a constraint) is a bug and stays a 500.
    /// </summary>
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException server => server.IsTransient || server.SqlState.StartsWith("08", StringComparison.Ordinal)
            || server.SqlState.StartsWith("57P", StringComparison.Ordinal) || server.SqlState == PostgresErrorCodes.InvalidCatalogName,
        NpgsqlException => true,
        _ => false,
    };

    [LoggerMessage(1, LogLevel.Warning, "The database did not answer a request ({Reason}); answered 503 with Retry-After.")]
    private static partial void Unavailable(ILogger logger, string reason);
}
