using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>Errors in Direct Line's own shape, <c>{ "error": { "code", "message" } }</c>, with a reason a developer can act on.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorDetail(code, message)), DirectLineJson.Default.ErrorResponse, statusCode: status);

    public static IResult MissingAuth() =>
        Error(StatusCodes.Status401Unauthorized, "BadArgument", "Send 'Authorization: Bearer <token or secret>'.");

    public static IResult InvalidToken() =>
        Error(StatusCodes.Status401Unauthorized, "BadArgument", "The token or secret is not valid.");

    public static IResult Expired() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "Token expired; get a new one (tokens/refresh works only before expiry).");

    public static IResult Forbidden(string message) =>
        Error(StatusCodes.Status403Forbidden, "BadArgument", message);

    public static IResult UnknownConversation(string conversationId) =>
        Error(StatusCodes.Status404NotFound, "BadArgument", $"Conversation '{conversationId}' does not exist (or has ended).");

    public static IResult BadRequest(string message) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(int maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {maxBytes} bytes of JSON.");

    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string message)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Error(StatusCodes.Status429TooManyRequests, "Throttled", message);
    }
}
