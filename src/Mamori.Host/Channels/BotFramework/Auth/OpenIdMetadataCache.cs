using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Mamori.Host.Channels.BotFramework.Auth;

/// <summary>
/// OpenID metadata and signing keys per metadata URL, fetched with Microsoft.IdentityModel's retriever: kept for a day,
/// fetched again when a token names a key that is not listed (keys rotate at any time) — at most once a minute per URL,
/// so forged tokens with made-up key ids cannot make the host hammer the identity provider.
/// </summary>
internal sealed class OpenIdMetadataCache(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "openid-metadata";
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(metadataUrl, static _ => new Entry());
        var now = clock.GetUtcNow();
        if (entry.Configuration is { } current && now - entry.FetchedAt < MaxAge)
            return current;
        return await FetchAsync(metadataUrl, entry, ct);
    }

    /// <summary>
    /// The metadata again because a token names a key the cached copy does not list; null when an unknown key already
    /// caused a fetch in the last minute.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefreshForUnknownKeyAsync(string metadataUrl, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(metadataUrl, static _ => new Entry());
        var now = clock.GetUtcNow();
        lock (entry)
        {
            if (entry.UnknownKeyRefreshAt is { } last && now - last < MinRefreshInterval)
                return null;
            entry.UnknownKeyRefreshAt = now;
        }
        return await FetchAsync(metadataUrl, entry, ct);
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(string metadataUrl, Entry entry, CancellationToken ct)
    {
        await entry.Gate.WaitAsync(ct);
        try
        {
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                // Metadata and keys only over HTTPS, except from this machine (tests, a local identity provider).
                RequireHttps = !IsLoopback(metadataUrl),
            };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, ct);
            entry.Configuration = configuration;
            entry.FetchedAt = clock.GetUtcNow();
            return configuration;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public OpenIdConnectConfiguration? Configuration { get; set; }
        public DateTimeOffset FetchedAt { get; set; }
        public DateTimeOffset? UnknownKeyRefreshAt { get; set; }
    }
}
