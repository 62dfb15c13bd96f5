using System.Security.Cryptography;
using Mamori.Host.Tenants;

namespace Mamori.Host.Widget;

/// <summary>
/// The policy of our own pages: scripts and styles from this host only, plus Web Chat's generated &lt;style&gt;
/// elements by nonce; no inline script, no eval. Who may frame the page is the tenant's allowed origins.
/// </summary>
internal static class ContentSecurityPolicy
{
    /// <summary>
    /// Web Chat's bundle inserts one empty &lt;style&gt; element without the nonce. Allowing exactly the empty content
    /// (SHA-256 of "") silences that violation without allowing any other inline style.
    /// </summary>
    private const string EmptyStyleHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public static void Apply(HttpResponse response, string nonce, string frameAncestors)
    {
        var request = response.HttpContext.Request;
        string socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; " +
            $"style-src 'self' 'nonce-{nonce}' '{EmptyStyleHash}'; img-src 'self' data: blob:; font-src 'self' data:; " +
            $"connect-src 'self' {socket}; media-src 'self' blob:; worker-src 'self' blob:; " +
            $"frame-ancestors {frameAncestors}; base-uri 'none'; form-action 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        response.Headers.CacheControl = "no-store";
    }

    public static string FrameAncestors(Tenant tenant) =>
        string.Join(' ', ["'self'", .. tenant.AllowedOrigins, .. tenant.AllowsLoopback ? LoopbackSources : []]);

    /// <summary>CSP has no syntax for an IPv6 host, so a page at http://[::1] cannot frame the chat (the API still answers it).</summary>
    private static readonly string[] LoopbackSources = ["http://localhost:*", "http://127.0.0.1:*"];
}
