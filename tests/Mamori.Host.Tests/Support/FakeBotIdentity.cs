using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mamori.Host.Tests.Support;

/// <summary>What is wrong with a minted token, to see each check refuse it.</summary>
public enum TokenFlaw { None, Expired, WrongAudience, WrongIssuer, UnknownKey, NoServiceUrl, KeyNotEndorsingChannel, WrongTenant }

/// <summary>
/// Azure Bot Service's and Entra ID's token side on loopback: OpenID metadata and JWKS with real RSA keys (Bot Service
/// keys carry their <c>endorsements</c>), and tokens minted the way they are. A key minted with
/// <see cref="TokenFlaw.UnknownKey"/> is only published after <see cref="RotateKeys"/>.
/// </summary>
public sealed class FakeBotIdentity : IAsyncDisposable
{
    public const string BotServiceIssuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _teamsKey = NewKey("teams-key");
    private readonly RsaSecurityKey _otherChannelKey = NewKey("skype-only-key");
    private readonly RsaSecurityKey _nextKey = NewKey("next-key");
    private readonly RsaSecurityKey _entraKey = NewKey("entra-key");
    private bool _rotated;
    private int _botServiceFetches;

    private FakeBotIdentity(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string BotServiceMetadataUrl => new Uri(BaseUrl, "botservice/.well-known/openidconfiguration").AbsoluteUri;

    /// <summary>For BotFramework:EntraOpenIdMetadataUrl: {tenant} is filled in by the host.</summary>
    public string EntraMetadataUrlTemplate => BaseUrl.AbsoluteUri + "{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>How often the Bot Service metadata document was fetched.</summary>
    public int BotServiceMetadataFetches => Volatile.Read(ref _botServiceFetches);

    public void RotateKeys() => _rotated = true;

    public static async Task<FakeBotIdentity> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeBotIdentity(app);
        app.MapGet("/botservice/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref fake._botServiceFetches);
            return Json(new JsonObject
            {
                ["issuer"] = BotServiceIssuer,
                ["jwks_uri"] = new Uri(fake.BaseUrl, "botservice/keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
        });
        app.MapGet("/botservice/keys", () => Json(new JsonObject
        {
            ["keys"] = new JsonArray(
                [Jwk(fake._teamsKey, "msteams", "emulator", "directline"), Jwk(fake._otherChannelKey, "skype"),
                 .. fake._rotated ? [Jwk(fake._nextKey, "msteams")] : Array.Empty<JsonNode>()]),
        }));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Json(new JsonObject
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["jwks_uri"] = new Uri(fake.BaseUrl, "entra/keys").AbsoluteUri,
        }));
        app.MapGet("/entra/keys", () => Json(new JsonObject { ["keys"] = new JsonArray(Jwk(fake._entraKey)) }));
        await app.StartAsync();
        fake.BaseUrl = new Uri(LoopbackApp.BaseUrlOf(app));
        return fake;
    }

    /// <summary>A token as Bot Service sends it with an activity from <paramref name="serviceUrl"/>.</summary>
    public string MintBotServiceToken(string appId, string serviceUrl, TokenFlaw flaw = TokenFlaw.None)
    {
        var claims = new Dictionary<string, object> { ["appid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db" };
        if (flaw != TokenFlaw.NoServiceUrl)
            claims["serviceurl"] = serviceUrl;
        var key = flaw switch
        {
            TokenFlaw.UnknownKey => _nextKey,
            TokenFlaw.KeyNotEndorsingChannel => _otherChannelKey,
            _ => _teamsKey,
        };
        return Mint(flaw == TokenFlaw.WrongIssuer ? "https://api.botframework.example" : BotServiceIssuer, appId, claims, key, flaw);
    }

    /// <summary>A token Entra ID issues for the bot's own tenant (v2 format).</summary>
    public string MintEntraToken(string appId, string tenantId, TokenFlaw flaw = TokenFlaw.None) =>
        Mint($"https://login.microsoftonline.com/{tenantId}/v2.0", appId,
            new Dictionary<string, object> { ["tid"] = flaw == TokenFlaw.WrongTenant ? Guid.NewGuid().ToString() : tenantId, ["azp"] = appId, ["ver"] = "2.0" },
            _entraKey, flaw);

    private static string Mint(string issuer, string appId, Dictionary<string, object> claims, SecurityKey key, TokenFlaw flaw)
    {
        var now = DateTime.UtcNow;
        var (notBefore, expires) = flaw == TokenFlaw.Expired ? (now.AddHours(-2), now.AddMinutes(-10)) : (now.AddMinutes(-1), now.AddHours(1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = flaw == TokenFlaw.WrongAudience ? Guid.NewGuid().ToString() : appId,
            Claims = claims,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        return jwk;
    }

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
