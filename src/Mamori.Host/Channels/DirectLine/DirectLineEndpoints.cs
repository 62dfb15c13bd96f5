using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Wire;
using Microsoft.Extensions.Options;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Access;
using Mamori.Host.Desk.Hubs;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST surface that directlinejs and Web Chat use, under /v3/directline.</summary>
internal static class DirectLineEndpoints
{
    public const string CorsPolicy = "directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapPost("/conversations/{conversationId}/upload", () =>
            DirectLineErrors.BadRequest("File uploads are not supported by this bot."));
        group.Map("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        return app;
    }

    /// <summary>Server side only: the chamber's own server trades its secret for a token bound to a new conversation.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineAuth auth, AccessTokens tokens, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var (caller, error) = await auth.AuthenticateAsync(request, allowToken: false);
        if (caller is not { } c)
            return error!;
        var (parameters, bodyError) = await ReadParametersAsync(request, ct);
        if (bodyError is not null)
            return bodyError;
        if (UserIdFrom(parameters, out string userId) is { } userError)
            return userError;

        var grant = new TokenGrant(c.Tenant.Id, ConversationRegistry.NewId(), userId);
        return TypedResults.Json(new ConversationInfo
        {
            ConversationId = grant.ConversationId,
            Token = tokens.Issue(grant, options.Value.TokenLifetime),
            ExpiresIn = (int)options.Value.TokenLifetime.TotalSeconds,
        }, DirectLineJson.Default.ConversationInfo);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineAuth auth, AccessTokens tokens, IOptions<DirectLineOptions> options)
    {
        var (caller, error) = await auth.AuthenticateAsync(request, allowSecret: false);
        if (caller is not { Grant: { } grant } c)
            return error!;
        // One token refreshes once: the old one stops working (after a grace for requests already on their way), so a
        // leaked token cannot be kept alive or multiplied.
        if (!await tokens.TryRevokeAsync(c.Token, await tokens.CheckAsync(c.Token, request.HttpContext.RequestAborted), options.Value.RefreshedTokenGrace, request.HttpContext.RequestAborted))
            return DirectLineErrors.Forbidden("This token was already refreshed; use the newest token.");
        return TypedResults.Json(new ConversationInfo
        {
            ConversationId = grant.ConversationId,
            Token = tokens.Issue(grant, options.Value.TokenLifetime),
            ExpiresIn = (int)options.Value.TokenLifetime.TotalSeconds,
        }, DirectLineJson.Default.ConversationInfo);
    }

    /// <summary>201 and the greeting on first start; 200 when this token's conversation already runs.</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpContext context, DirectLineAuth auth, AccessTokens tokens, ConversationRegistry registry,
        ConversationDriver driver, IOptions<DirectLineOptions> options, ILogger<ConversationRegistry> logger, CancellationToken ct)
    {
        var (caller, error) = await auth.AuthenticateAsync(context.Request);
        if (caller is not { } c)
            return error!;
        var (parameters, bodyError) = await ReadParametersAsync(context.Request, ct);
        if (bodyError is not null)
            return bodyError;

        TokenGrant grant;
        if (c.Grant is { } tokenGrant)
        {
            grant = tokenGrant;
        }
        else
        {
            if (UserIdFrom(parameters, out string userId) is { } userError)
                return userError;
            grant = new TokenGrant(c.Tenant.Id, ConversationRegistry.NewId(), userId);
        }

        var key = new ConversationKey(grant.TenantId, grant.ConversationId);
        var (conversation, created) = await registry.GetOrCreateAsync(key, grant.UserId, PublicBase(context.Request), ct);
        if (conversation is null)
        {
            DirectLineLog.RegistryFull(logger, registry.Count);
            context.Response.Headers.RetryAfter = "60";
            return DirectLineErrors.Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "Too many open conversations; try again in a minute.");
        }
        if (!c.MayUse(conversation))
            return DirectLineErrors.Forbidden("This token belongs to another conversation.");

        if (created)
            DirectLineLog.ConversationStarted(logger, key.TenantId, key.ConversationId);
        // The greeting waits in the inbox of a new conversation; one read back from the store may hold turns never answered.
        if (conversation.NextTurn() is not null)
            driver.Pump(conversation);
        conversation.Touch();

        var info = ConversationResponse(context.Request, tokens, c, conversation, options.Value, watermark: null);
        return created
            ? TypedResults.Json(info, DirectLineJson.Default.ConversationInfo, statusCode: StatusCodes.Status201Created)
            : TypedResults.Json(info, DirectLineJson.Default.ConversationInfo);
    }

    /// <summary>Reconnect: a fresh streamUrl that replays from the client's watermark.</summary>
    private static async Task<IResult> ReconnectAsync(
        string conversationId, string? watermark, HttpContext context, DirectLineAuth auth, AccessTokens tokens,
        ConversationRegistry registry, IOptions<DirectLineOptions> options)
    {
        var (conversation, c, error) = await FindAsync(conversationId, context.Request, auth, registry, context.RequestAborted);
        if (conversation is null)
            return error!;
        if (ParseWatermark(watermark) is not { } from)
            return DirectLineErrors.BadRequest($"watermark '{watermark}' is not a number.");
        conversation.Touch();
        return TypedResults.Json(ConversationResponse(context.Request, tokens, c!.Value, conversation, options.Value, from), DirectLineJson.Default.ConversationInfo);
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuth auth, ConversationRegistry registry, CancellationToken ct)
    {
        var (conversation, _, error) = await FindAsync(conversationId, request, auth, registry, ct);
        if (conversation is null)
            return error!;
        if (ParseWatermark(watermark) is not { } from)
            return DirectLineErrors.BadRequest($"watermark '{watermark}' is not a number.");
        conversation.Touch();
        return TypedResults.Json(conversation.Since(from), DirectLineJson.Default.ActivitySet);
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpContext context, DirectLineAuth auth, ConversationRegistry registry,
        ConversationDriver driver, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var settings = options.Value;
        var (conversation, c, error) = await FindAsync(conversationId, context.Request, auth, registry, ct);
        if (conversation is null)
            return error!;

        byte[]? body = await RequestBody.ReadAsync(context.Request, settings.MaxActivityBytes, ct);
        if (body is null)
            return DirectLineErrors.TooLarge(settings.MaxActivityBytes);
        if (JsonText.Problem(body) is { } notText)
            return DirectLineErrors.BadRequest(notText);

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, DirectLineJson.Default.Activity);
        }
        catch (JsonException ex)
        {
            return DirectLineErrors.BadRequest($"The body is not a valid activity: {ex.Message}");
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type))
            return DirectLineErrors.BadRequest("An activity needs a 'type' (e.g. \"message\").");

        // With a token the user is the token's user (as with Direct Line's enhanced authentication).
        string? userId = c!.Value.Grant?.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId) || userId.Length > 256)
            return DirectLineErrors.BadRequest("An activity needs 'from.id' (at most 256 characters).");

        // Typing counts against the limit too: it is cheap for us, but unlimited posts of anything are a flood.
        using var lease = conversation.Limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            return DirectLineErrors.TooManyRequests(context, retryAfter, "Too many activities in this conversation; slow down and retry.");
        }
        if (activity.Type == "typing")
            return TypedResults.Json(new ResourceResponse($"{conversation.Id}|typing"), DirectLineJson.Default.ResourceResponse);

        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user", Extra = activity.From?.Extra };
        activity.Recipient = new ChannelAccount { Id = settings.BotId, Name = settings.BotId, Role = "bot" };
        activity.ChannelId ??= "directline";
        activity.Extra?.Remove("serviceUrl");
        activity.Extra?.Remove("callerId");

        HandoffStatus? hubStatus = null;
        if (HandoffStatus.Is(activity) && HandoffStatus.TryRead(activity, out hubStatus) is { } statusError)
            return DirectLineErrors.BadRequest(statusError);

        // Only messages reach the dialog; other events are echoed and otherwise ignored (unknown event names must be).
        PendingTurn? turn = activity.Type == "message" ? new PendingTurn(userId, activity.Text ?? "", activity.ChannelId) : null;
        // Stored before the 200: an accepted turn is answered even if the host is killed right after.
        var acceptance = await conversation.AcceptAsync(activity, turn, body.Length, settings.MaxPendingTurns, settings.MaxPostedBytesPerConversation, CancellationToken.None);
        switch (acceptance)
        {
            case Acceptance.Busy:
                return DirectLineErrors.TooManyRequests(context, TimeSpan.FromSeconds(2), "The bot is still answering earlier messages; retry shortly.");
            case Acceptance.ConversationFull:
                return DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
                    $"This conversation has received all a client may post to one ({settings.MaxPostedBytesPerConversation} bytes, Channels:DirectLine:MaxPostedBytesPerConversation); start a new conversation.");
        }
        if (turn is not null)
            driver.Pump(conversation);
        if (hubStatus is not null)
            driver.ApplyHubStatus(conversation, activity.Id!, hubStatus);

        return TypedResults.Json(new ResourceResponse(activity.Id!), DirectLineJson.Default.ResourceResponse);
    }

    private static async Task<(Conversation? Conversation, Caller? Caller, IResult? Error)> FindAsync(
        string conversationId, HttpRequest request, DirectLineAuth auth, ConversationRegistry registry, CancellationToken ct)
    {
        var (caller, error) = await auth.AuthenticateAsync(request);
        if (caller is not { } c)
            return (null, null, error);
        if (c.Grant is { } grant && grant.ConversationId != conversationId)
            return (null, null, DirectLineErrors.Forbidden("This token belongs to another conversation."));
        if (await registry.FindAsync(conversationId, ct) is not { } conversation)
            return (null, null, DirectLineErrors.UnknownConversation(conversationId));
        if (!c.MayUse(conversation))
            return (null, null, DirectLineErrors.Forbidden("This conversation belongs to another tenant."));
        return (conversation, c, null);
    }

    private static ConversationInfo ConversationResponse(
        HttpRequest request, AccessTokens tokens, Caller caller, Conversation conversation, DirectLineOptions options, int? watermark)
    {
        var grant = caller.Grant ?? new TokenGrant(conversation.Key.TenantId, conversation.Id, conversation.UserId);
        string streamToken = tokens.Issue(grant with { Scope = TokenScope.Stream }, options.StreamUrlLifetime);
        string scheme = request.IsHttps ? "wss" : "ws";
        string streamUrl = $"{scheme}://{request.Host.Value}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(streamToken)}";
        if (watermark is > 0)
            streamUrl += "&watermark=" + watermark.Value.ToString(CultureInfo.InvariantCulture);
        return new ConversationInfo
        {
            ConversationId = conversation.Id,
            Token = caller.IsSecret ? tokens.Issue(grant, options.TokenLifetime) : caller.Token,
            ExpiresIn = (int)options.TokenLifetime.TotalSeconds,
            StreamUrl = streamUrl,
        };
    }

    internal static int? ParseWatermark(string? watermark) =>
        string.IsNullOrEmpty(watermark) ? 0
        : int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value
        : null;

    private static Uri PublicBase(HttpRequest request) => new($"{request.Scheme}://{request.Host.Value}{request.PathBase}/");

    private static async Task<(TokenParameters? Parameters, IResult? Error)> ReadParametersAsync(HttpRequest request, CancellationToken ct)
    {
        byte[]? body = await RequestBody.ReadAsync(request, 16 * 1024, ct);
        if (body is null)
            return (null, DirectLineErrors.TooLarge(16 * 1024));
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return (null, null);
        if (JsonText.Problem(body) is { } notText)
            return (null, DirectLineErrors.BadRequest(notText));
        try
        {
            return (JsonSerializer.Deserialize(body, DirectLineJson.Default.TokenParameters), null);
        }
        catch (JsonException ex)
        {
            return (null, DirectLineErrors.BadRequest($"The body is not valid TokenParameters JSON: {ex.Message}"));
        }
    }

    private static IResult? UserIdFrom(TokenParameters? parameters, out string userId)
    {
        userId = parameters?.User?.Id ?? ConversationRegistry.NewUserId();
        return userId.Length is 0 or > 128 ? DirectLineErrors.BadRequest("user.id must be 1-128 characters.") : null;
    }
}
