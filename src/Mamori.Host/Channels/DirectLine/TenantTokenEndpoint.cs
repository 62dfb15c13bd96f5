using System.Threading.RateLimiting;
using Mamori.Host.Access;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// What the chat page and the widget call instead of holding a secret: POST /api/tenants/{tenant}/token mints a token
/// for a new conversation of that tenant, only for pages on the tenant's allowed origins (or the host itself), and
/// rate-limited per client address. GET /api/tenants/{tenant}/widget gives the widget its colours and labels.
/// </summary>
internal static class TenantTokenEndpoint
{
    private const string MintPolicy = "token-mint";

    public static void ConfigureRateLimit(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return ValueTask.CompletedTask;
        };
        options.AddPolicy(MintPolicy, context =>
            AddressRateLimit.PerMinute(context, context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenMintsPerMinute));
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenant}").RequireCors(DirectLineEndpoints.CorsPolicy);
        group.MapPost("/token", MintAsync).RequireRateLimiting(MintPolicy);
        group.MapGet("/widget", WidgetConfig);
    }

    private static IResult MintAsync(string tenant, HttpRequest request, TenantCatalog tenants, AccessTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (tenants.Find(tenant) is not { } found)
            return TypedResults.Problem($"Unknown tenant '{tenant}'.", statusCode: StatusCodes.Status404NotFound);
        string? origin = request.Headers.Origin;
        if (!found.AllowsTokenMint(origin, OriginPolicy.SelfOrigin(request)))
            return TypedResults.Problem(string.IsNullOrEmpty(origin)
                ? $"Tenant '{tenant}' gives browser tokens only to its pages (Tenants:{tenant}:AllowedOrigins); a server uses the tenant's Direct Line secret (POST /v3/directline/tokens/generate)."
                : $"Origin '{origin}' may not use tenant '{tenant}' (Tenants:{tenant}:AllowedOrigins).", statusCode: StatusCodes.Status403Forbidden);

        var grant = new TokenGrant(found.Id, ConversationRegistry.NewId(), ConversationRegistry.NewUserId());
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new ConversationInfo
        {
            ConversationId = grant.ConversationId,
            Token = tokens.Issue(grant, options.Value.TokenLifetime),
            ExpiresIn = (int)options.Value.TokenLifetime.TotalSeconds,
        }, DirectLineJson.Default.ConversationInfo);
    }

    private static IResult WidgetConfig(string tenant, HttpRequest request, TenantCatalog tenants, IOptions<HostTexts> texts)
    {
        if (tenants.Find(tenant) is not { } found)
            return TypedResults.Problem($"Unknown tenant '{tenant}'.", statusCode: StatusCodes.Status404NotFound);
        var o = found.Options;
        return TypedResults.Json(new WidgetConfiguration(
            found.Id, o.DisplayName, o.PrimaryColor, o.AccentColor,
            texts.Value.OpenChat, texts.Value.CloseChat, $"{o.DisplayName} {texts.Value.ChatFrameTitle}",
            $"{request.Scheme}://{request.Host.Value}{request.PathBase}/widget/frame?tenant={Uri.EscapeDataString(found.Id)}"),
            TenantJson.Default.WidgetConfiguration);
    }
}

internal sealed record WidgetConfiguration(
    string Tenant, string DisplayName, string PrimaryColor, string AccentColor,
    string OpenLabel, string CloseLabel, string FrameTitle, string FrameUrl);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(WidgetConfiguration))]
internal sealed partial class TenantJson : System.Text.Json.Serialization.JsonSerializerContext;
