using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mamori.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mamori.Host.Access;

/// <summary>What a token grants: one conversation of one tenant, for one user, for one use (see <see cref="TokenScope"/>).</summary>
public sealed record TokenGrant(string TenantId, string ConversationId, string UserId, TokenScope Scope = TokenScope.Conversation);

/// <summary>A conversation token works on the REST API; a stream token only opens the WebSocket; a report token only reads the report page.</summary>
public enum TokenScope { Conversation, Stream, Report }

/// <summary>Revoked: genuinely signed and not expired, but replaced by a refreshed token or already used (a stream token).</summary>
public enum TokenStatus { Valid, Expired, Invalid, Revoked }

public readonly record struct TokenCheck(TokenStatus Status, TokenGrant? Grant, DateTime ValidTo = default);

/// <summary>
/// Issues and checks HMAC-signed JWTs. Expiry is checked against <see cref="TimeProvider"/> (not the library's clock),
/// so an expired token is told apart from a forged one: Direct Line answers the first with 403 TokenExpired.
/// </summary>
public sealed class AccessTokens
{
    private const string Issuer = "mamori";
    private const string Audience = "mamori";

    /// <summary>Bound on <see cref="_verified"/>: about 3 MB of tokens; when full it starts over.</summary>
    private const int MaxVerifiedTokens = 10_000;

    private readonly ITokenRevocations _revocations;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _clock;

    // Tokens whose signature, issuer and audience already checked out, with their expiry. Web Chat sends the same token
    // on every call, and full validation (parse, HMAC, claims) was 3-6% of the CPU in the load bench. Only genuinely
    // signed tokens get in (the same string always validates the same way under this process's one key); expiry is still
    // checked on every call.
    private readonly ConcurrentDictionary<string, (TokenGrant Grant, DateTime ValidTo)> _verified = new(StringComparer.Ordinal);

    public AccessTokens(IOptions<AccessOptions> options, ContentRoot content, ITokenRevocations revocations, TimeProvider clock, ILogger<AccessTokens> logger)
    {
        _clock = clock;
        _revocations = revocations;
        byte[] key;
        if (string.IsNullOrEmpty(options.Value.TokenSigningKey))
        {
            string file = content.Resolve(options.Value.TokenSigningKeyFile);
            key = SigningKeyFile.LoadOrCreate(file, out bool created);
            if (created)
                AccessLog.SigningKeyCreated(logger, file);
        }
        else
        {
            key = Convert.FromBase64String(options.Value.TokenSigningKey);
        }

        var securityKey = new SymmetricSecurityKey(key);
        _credentials = new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            IssuerSigningKey = securityKey,
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,   // checked below against TimeProvider
            RequireExpirationTime = true,
        };
    }

    public string Issue(TokenGrant grant, TimeSpan lifetime) => Issue(grant, _clock.GetUtcNow(), lifetime);

    internal string Issue(TokenGrant grant, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = grant.TenantId,
            ["conv"] = grant.ConversationId,
            ["user"] = grant.UserId,     // directlinejs and Web Chat read the user id from this claim
            // Two tokens of one grant issued in the same second differ, so revoking one never revokes the other.
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (grant.Scope != TokenScope.Conversation)
            claims["scope"] = grant.Scope == TokenScope.Stream ? "stream" : "report";

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime.AddSeconds(-30),
            Expires = (issuedAt + lifetime).UtcDateTime,
            SigningCredentials = _credentials,
        });
    }

    public async Task<TokenCheck> CheckAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length > 4096)
            return new TokenCheck(TokenStatus.Invalid, null);
        if (!_verified.TryGetValue(token, out var verified))
        {
            if (await VerifyAsync(token) is not { } fresh)
                return new TokenCheck(TokenStatus.Invalid, null);
            if (_verified.Count >= MaxVerifiedTokens)
                _verified.Clear();
            _verified[token] = verified = fresh;
        }
        var status = verified.ValidTo <= _clock.GetUtcNow().UtcDateTime ? TokenStatus.Expired
            : await _revocations.IsRevokedAsync(token, cancellationToken) ? TokenStatus.Revoked
            : TokenStatus.Valid;
        return new TokenCheck(status, verified.Grant, verified.ValidTo);
    }

    /// <summary>
    /// Makes a valid token stop working after <paramref name="grace"/> (zero: at once). False when it was revoked before,
    /// or when too many revoked tokens are still live (the caller refuses the request rather than keep it working).
    /// </summary>
    public async Task<bool> TryRevokeAsync(string token, TokenCheck check, TimeSpan grace, CancellationToken cancellationToken = default) =>
        check.Status == TokenStatus.Valid && await _revocations.TryRevokeAsync(token, check.ValidTo, grace, cancellationToken);

    /// <summary>Signature, issuer, audience, algorithm and our claims; null when any is wrong. Expiry is left to the caller.</summary>
    private async Task<(TokenGrant Grant, DateTime ValidTo)?> VerifyAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return null;

        if (!jwt.TryGetPayloadValue("tid", out string? tenant) || !jwt.TryGetPayloadValue("conv", out string? conversation)
            || !jwt.TryGetPayloadValue("user", out string? user) || tenant is null || conversation is null || user is null)
            return null;

        var scope = !jwt.TryGetPayloadValue("scope", out string? scopeClaim) ? TokenScope.Conversation
            : scopeClaim == "stream" ? TokenScope.Stream
            : scopeClaim == "report" ? TokenScope.Report
            : (TokenScope?)null;
        if (scope is null)
            return null;
        return (new TokenGrant(tenant, conversation, user, scope.Value), jwt.ValidTo);
    }
}
