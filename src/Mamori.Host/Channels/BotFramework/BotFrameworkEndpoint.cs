using System.Text.Json;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework.Auth;
using Mamori.Host.Desk.Hubs;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.BotFramework;

/// <summary>
/// POST /api/messages, the Bot Framework messaging endpoint (Teams and every Azure Bot Service channel): read the body
/// within a limit, parse the activity, check the caller's token, then answer — in the HTTP response when the caller asked
/// for <c>expectReplies</c>, else at once with 200 while the replies go out through the Connector.
/// </summary>
internal static class BotFrameworkEndpoint
{
    public const string Path = "/api/messages";

    public static void Map(IEndpointRouteBuilder app) => app.MapPost(Path, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, BotFrameworkAuthenticator authenticator, BotFrameworkTurns turns,
        IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkTurns> logger, CancellationToken ct)
    {
        byte[]? body = await RequestBody.ReadAsync(context.Request, options.Value.MaxActivityBytes, ct);
        if (body is null)
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {options.Value.MaxActivityBytes} bytes (BotFramework:MaxActivityBytes).");
        if (JsonText.Problem(body) is { } notText)
            return Refuse(logger, StatusCodes.Status400BadRequest, notText);

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ActivityJson.Default.Activity);
        }
        catch (JsonException)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, "The body is not an activity in JSON.");
        }
        if (activity is not { Type.Length: > 0 })
            return Refuse(logger, StatusCodes.Status400BadRequest, "The activity has no type.");

        var auth = await authenticator.AuthenticateAsync(context, activity, ct);
        if (!auth.Allowed)
            return Refuse(logger, auth.StatusCode, auth.Reason ?? "Not authorized.");

        bool expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);
        var inbound = TeamsInbound.Read(activity);
        if (HandoffStatus.Is(activity))
        {
            if (HandoffStatus.TryRead(activity, out var status) is { } statusError)
                return Refuse(logger, StatusCodes.Status400BadRequest, statusError);
            inbound = new Inbound(InboundKind.HubStatus, Status: status);
        }
        if (inbound.Kind == InboundKind.Ignore)
            return expectReplies ? Replies([]) : TypedResults.Ok();   // unknown types and events are accepted and ignored

        if (activity.Conversation?.Id is not { Length: > 0 })
            return Refuse(logger, StatusCodes.Status400BadRequest, "The activity has no conversation.id.");
        if (!expectReplies && !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
            return Refuse(logger, StatusCodes.Status400BadRequest, "The activity has no absolute serviceUrl to reply to.");

        var publicBase = new Uri($"{context.Request.Scheme}://{context.Request.Host.Value}{context.Request.PathBase}/");
        if (expectReplies)
            return Replies(await turns.AnswerAsync(activity, inbound, publicBase, ct));

        if (!turns.TryAnswerInBackground(activity, inbound, publicBase))
        {
            BotFrameworkLog.Busy(logger, options.Value.MaxBackgroundTurns);
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("Too many turns are waiting; send the activity again shortly.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        return TypedResults.Ok();
    }

    private static IResult Replies(IReadOnlyList<Activity> activities) =>
        TypedResults.Json(new ExpectedReplies { Activities = [.. activities] }, ActivityJson.Default.ExpectedReplies);

    private static IResult Refuse(ILogger logger, int status, string reason)
    {
        BotFrameworkLog.Refused(logger, status, reason);
        return TypedResults.Problem(reason, statusCode: status);
    }
}
