using System.Collections;
using System.Net;
using System.Text.Json;
using Mamori.Host.Channels.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Mamori.Host.Channels.BotFramework.Auth;

/// <summary>
/// Checks who is calling /api/messages, as Azure Bot Service asks of every bot: a bearer JWT signed by a key from the
/// issuer's published metadata, for this bot's app id, in its lifetime (5 minutes' skew); from Bot Service, also the
/// <c>serviceurl</c> claim equal to the activity's serviceUrl and a signing key that endorses the activity's channel;
/// from Entra ID (single-tenant bots, the channels' move to Entra tokens), a tenant that matches the issuer. Without an
/// app id only callers on this machine are accepted (the Bot Framework Emulator, tests), never through a proxy.
/// </summary>
internal sealed class BotFrameworkAuthenticator(
    IOptions<BotFrameworkOptions> options,
    OpenIdMetadataCache metadata,
    TimeProvider clock,
    ILogger<BotFrameworkAuthenticator> logger)
{
    public const string BotServiceIssuer = "https://api.botframework.com";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // Tenants whose Entra-issued tokens Bot Service uses (auth versions 3.1 and 3.2), besides the bot's own tenant.
    private static readonly string[] BotServiceTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<InboundAuth> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.IsEmulatorMode)
            return FromThisMachine(context)
                ? InboundAuth.Ok
                : InboundAuth.Unauthorized("BotFramework:AppId is not set: only callers on this machine are accepted.");

        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return InboundAuth.Unauthorized("A bearer token is required (Authorization: Bearer <JWT>).");
        string token = header[7..].Trim();

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return InboundAuth.Unauthorized("The bearer token is not a JWT.");
        }

        if (IssuerSource(jwt.Issuer, settings) is not { } source)
            return InboundAuth.Unauthorized($"Tokens from issuer '{jwt.Issuer}' are not accepted.");

        var (valid, reason) = await ValidateAsync(token, jwt, source, settings, ct);
        if (valid is null)
            return InboundAuth.Unauthorized(reason!);

        var verdict = source.Tenant is null
            ? CheckBotServiceClaims(valid.Value.Token, valid.Value.Key, activity)
            : CheckEntraClaims(valid.Value.Token, source.Tenant, activity);
        if (verdict.Allowed)
            AuthLog.Accepted(logger, source.Tenant is null ? "Bot Service" : "Entra ID", CallerAppId(valid.Value.Token) ?? "-");
        return verdict;
    }

    /// <summary>Bot Service tokens, or Entra tokens of the bot's own tenant and of Bot Service's tenants; null for anyone else.</summary>
    private static Source? IssuerSource(string issuer, BotFrameworkOptions settings)
    {
        if (issuer == BotServiceIssuer)
            return new Source(settings.OpenIdMetadataUrl, null, BotServiceIssuer);
        foreach (string tenant in string.IsNullOrEmpty(settings.TenantId) ? BotServiceTenants : [settings.TenantId, .. BotServiceTenants])
        {
            if (issuer == $"https://sts.windows.net/{tenant}/" || issuer == $"https://login.microsoftonline.com/{tenant}/v2.0")
                return new Source(settings.EntraOpenIdMetadataUrl.Replace("{tenant}", tenant, StringComparison.Ordinal), tenant, issuer);
        }
        return null;
    }

    private async Task<((JsonWebToken Token, SecurityKey Key)?, string? Reason)> ValidateAsync(
        string token, JsonWebToken jwt, Source source, BotFrameworkOptions settings, CancellationToken ct)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetAsync(source.MetadataUrl, ct);
            if (!configuration.SigningKeys.Any(k => k.KeyId == jwt.Kid)
                && await metadata.RefreshForUnknownKeyAsync(source.MetadataUrl, ct) is { } refreshed)
                configuration = refreshed;   // keys rotate: a new kid is looked up once before the token is refused
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            AuthLog.MetadataFailed(logger, ex, source.MetadataUrl);
            return (null, "The identity provider's signing keys could not be fetched.");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = source.Issuer,
            ValidAudience = settings.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires),
        });
        if (!result.IsValid)
        {
            string reason = result.Exception switch
            {
                SecurityTokenInvalidAudienceException => "The token is not for this bot (audience).",
                SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
                SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException => "The token has expired or is not valid yet.",
                SecurityTokenSignatureKeyNotFoundException => "The token is signed with a key the issuer does not publish.",
                SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
                _ => "The token's signature or claims are not valid.",
            };
            AuthLog.Rejected(logger, reason);
            return (null, reason);
        }
        var validated = (JsonWebToken)result.SecurityToken;
        // The published JWK itself, not the converted signing key: only it carries the endorsements.
        SecurityKey key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.KeyId == validated.Kid)
            ?? configuration.SigningKeys.First(k => k.KeyId == validated.Kid);
        return ((validated, key), null);
    }

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp + ClockSkew && (notBefore is not { } nbf || now >= nbf - ClockSkew);
    }

    private static InboundAuth CheckBotServiceClaims(JsonWebToken token, SecurityKey key, Activity activity)
    {
        if (!token.TryGetPayloadValue("serviceurl", out string? serviceUrl) || string.IsNullOrEmpty(serviceUrl))
            return InboundAuth.Unauthorized("The token has no serviceurl claim.");
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return InboundAuth.Unauthorized("The token's serviceurl is not the activity's serviceUrl.");
        if (string.IsNullOrEmpty(activity.ChannelId) || !Endorsements(key).Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            return InboundAuth.Forbidden($"The signing key does not endorse channel '{activity.ChannelId}'.");
        return InboundAuth.Ok;
    }

    private static InboundAuth CheckEntraClaims(JsonWebToken token, string issuerTenant, Activity activity)
    {
        if (!token.TryGetPayloadValue("tid", out string? tid) || !string.Equals(tid, issuerTenant, StringComparison.OrdinalIgnoreCase))
            return InboundAuth.Unauthorized("The token's tenant (tid) does not match its issuer.");
        // Channels moving to Entra tokens still state the serviceUrl; when they do, it must match.
        if (token.TryGetPayloadValue("serviceurl", out string? serviceUrl) && !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return InboundAuth.Unauthorized("The token's serviceurl is not the activity's serviceUrl.");
        return InboundAuth.Ok;
    }

    /// <summary>The channels a Bot Service key may sign for: the extra <c>endorsements</c> member of its JWK.</summary>
    private static IEnumerable<string> Endorsements(SecurityKey key)
    {
        if (key is not JsonWebKey jwk || !jwk.AdditionalData.TryGetValue("endorsements", out var value))
            return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList(),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).OfType<string>().ToList(),
            _ => [],
        };
    }

    private static string? CallerAppId(JsonWebToken token) =>
        token.TryGetPayloadValue("appid", out string? appId) ? appId
        : token.TryGetPayloadValue("azp", out string? azp) ? azp
        : null;

    /// <summary>A direct connection from this machine; a forwarded request may come from anywhere, so it is refused.</summary>
    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");

    private sealed record Source(string MetadataUrl, string? Tenant, string Issuer);
}

internal static partial class AuthLog
{
    [LoggerMessage(1, LogLevel.Warning, "BotFramework:AppId is not set: /api/messages accepts unauthenticated callers from this machine only (emulator mode).")]
    public static partial void EmulatorMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Refused a Bot Framework token: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Error, "Fetching OpenID metadata from {Url} failed.")]
    public static partial void MetadataFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(4, LogLevel.Debug, "Accepted a {Issuer} token (caller app {CallerAppId}).")]
    public static partial void Accepted(ILogger logger, string issuer, string callerAppId);
}
