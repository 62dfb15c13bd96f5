namespace Mamori.Host.Access;

/// <summary>Origins are compared as scheme://host[:port], lowercase, without a trailing slash.</summary>
internal static class OriginPolicy
{
    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin)
            || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath is not ("/" or "")
            || !string.IsNullOrEmpty(uri.Query))
            return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>http on this machine, any port: what a developer's test page is served from.</summary>
    public static bool IsLoopback(string normalizedOrigin) =>
        Uri.TryCreate(normalizedOrigin, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.Host is "localhost" or "127.0.0.1" or "[::1]";

    /// <summary>The origin of the host itself, as the browser sends it for same-origin requests.</summary>
    public static string SelfOrigin(HttpRequest request) =>
        $"{request.Scheme}://{request.Host.Value}".ToLowerInvariant();
}
