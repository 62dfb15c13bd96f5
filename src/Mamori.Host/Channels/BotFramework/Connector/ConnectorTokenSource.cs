using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.BotFramework.Connector;

/// <summary>
/// The bot's own token for the Connector (Entra ID client credentials, scope https://api.botframework.com/.default):
/// from the bot's tenant for a single-tenant bot, else botframework.com. Kept until five minutes before it expires and
/// fetched by one caller at a time, however many replies need it at once.
/// </summary>
internal sealed class ConnectorTokenSource(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "connector-token";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RefreshAt)? _current;

    public async Task<string> GetAsync(CancellationToken ct, bool forceRefresh = false)
    {
        if (!forceRefresh && _current is { } cached && clock.GetUtcNow() < cached.RefreshAt)
            return cached.Token;
        await _gate.WaitAsync(ct);
        try
        {
            if (!forceRefresh && _current is { } fresh && clock.GetUtcNow() < fresh.RefreshAt)
                return fresh.Token;
            var settings = options.Value;
            string tenant = string.IsNullOrEmpty(settings.TenantId) ? "botframework.com" : settings.TenantId;
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(
                settings.TokenEndpoint.Replace("{tenant}", tenant, StringComparison.Ordinal),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = settings.AppId!,
                    ["client_secret"] = settings.AppPassword!,
                    ["scope"] = "https://api.botframework.com/.default",
                }), ct);
            if (!response.IsSuccessStatusCode)
                throw new ConnectorException($"The token endpoint answered {(int)response.StatusCode}: check BotFramework:AppId, AppPassword and TenantId.", (int)response.StatusCode);
            var token = await response.Content.ReadFromJsonAsync(ConnectorJson.Default.TokenResponse, ct)
                ?? throw new ConnectorException("The token endpoint answered without a token.");
            _current = (token.AccessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - RefreshMargin);
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class ConnectorJson : JsonSerializerContext;
