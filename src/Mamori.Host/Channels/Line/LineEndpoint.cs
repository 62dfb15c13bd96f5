using System.Text.Json;
using Mamori.Host.Channels.Line.Wire;
using Mamori.Host.Tenants;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// POST /api/line/{tenant}, the webhook URL of a chamber's LINE Official Account: the body is read within a limit, its
/// signature checked over the raw bytes before anything is parsed, and the events handed to the inbox, so LINE gets its
/// 200 at once while the answers go out in the background.
/// </summary>
internal static class LineEndpoint
{
    public const string Path = "/api/line/{tenant}";

    public static void Map(IEndpointRouteBuilder app) => app.MapPost(Path, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(
        string tenant, HttpContext context, TenantCatalog tenants, LineInbox inbox, IOptions<LineOptions> options,
        TimeProvider clock, ILogger<LineInbox> logger, CancellationToken ct)
    {
        if (tenants.Find(tenant) is not { Options.Line.IsConfigured: true } account)
            return Refuse(logger, tenant, StatusCodes.Status404NotFound, "No LINE account is set up for this tenant (Tenants:<id>:Line).");

        byte[]? body = await RequestBody.ReadAsync(context.Request, options.Value.MaxWebhookBytes, ct);
        if (body is null)
            return Refuse(logger, tenant, StatusCodes.Status413PayloadTooLarge, $"The webhook body is larger than {options.Value.MaxWebhookBytes} bytes (Channels:Line:MaxWebhookBytes).");
        if (!LineSignature.IsValid(body, context.Request.Headers[LineSignature.Header], account.Options.Line.ChannelSecret!))
            return Refuse(logger, tenant, StatusCodes.Status401Unauthorized, "The x-line-signature header is missing or does not match the body and the channel secret.");
        if (JsonText.Problem(body) is { } notText)
            return Refuse(logger, tenant, StatusCodes.Status400BadRequest, notText);

        LineWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize(body, LineJson.Default.LineWebhook);
        }
        catch (JsonException)
        {
            return Refuse(logger, tenant, StatusCodes.Status400BadRequest, "The body is not a LINE webhook in JSON.");
        }
        if (webhook is null)
            return Refuse(logger, tenant, StatusCodes.Status400BadRequest, "The body is not a LINE webhook in JSON.");

        var now = clock.GetUtcNow();
        var publicBase = new Uri($"{context.Request.Scheme}://{context.Request.Host.Value}{context.Request.PathBase}/");
        var works = new List<LineWork>();
        foreach (var evt in webhook.Events ?? [])
        {
            // Standby: another channel (a chat module, a person in LINE Official Account Manager) has the chat.
            if (evt is null || evt.Mode == "standby")
                LineLog.Ignored(logger, evt?.Type, tenant, "standby mode");
            else
                works.Add(new LineWork(account, evt, now, publicBase));
        }

        if (works.Count > 0 && !inbox.TryAccept(works))
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("Too many LINE events are waiting; the webhook can be sent again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok();
    }

    private static IResult Refuse(ILogger logger, string tenant, int status, string reason)
    {
        LineLog.Refused(logger, tenant.Length <= 40 ? tenant : tenant[..40], status, reason);
        return TypedResults.Problem(reason, statusCode: status);
    }
}
