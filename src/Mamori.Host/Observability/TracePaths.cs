using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace Mamori.Host.Observability;

/// <summary>
/// Keeps conversation, activity and user ids out of exported spans: a request's path is traced as its route template
/// (/v3/directline/conversations/{conversationId}/activities), a call to a channel's API with its id segments replaced.
/// Query values are already redacted by the OpenTelemetry instrumentation (tokens in a stream URL).
/// </summary>
internal static class TracePaths
{
    public const string UrlPath = "url.path";
    public const string UrlFull = "url.full";
    private const string Id = "{id}";

    public static void UseRoute(Activity activity, HttpResponse response)
    {
        var path = response.HttpContext.GetEndpoint() is RouteEndpoint route && route.RoutePattern.RawText is { } template
            ? "/" + template.TrimStart('/')
            : Redact(response.HttpContext.Request.Path.Value ?? "");
        activity.SetTag(UrlPath, path);
    }

    public static void RedactIds(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
            return;
        activity.SetTag(UrlFull, $"{uri.Scheme}://{uri.Authority}{Redact(uri.AbsolutePath)}");
        activity.SetTag(UrlPath, Redact(uri.AbsolutePath));
    }

    /// <summary>The path as the request came, ids replaced: kept when no route answers or the request fails.</summary>
    public static void RedactRequest(Activity activity, HttpRequest request) =>
        activity.SetTag(UrlPath, Redact(request.Path.Value ?? ""));

    /// <summary>
    /// Every segment that looks like an id becomes {id}: one with :, %, @ or =; eight or more characters with a digit or a
    /// capital after the first (a random id such as 「rLLtbNxEmhEjt_XeqbYwcg」 may hold no digit); or twenty or more.
    /// Route words (conversations, activities, directline) are lower-case and short.
    /// </summary>
    public static string Redact(string path) =>
        string.Join('/', path.Split('/').Select(s => LooksLikeId(s) ? Id : s));

    private static bool LooksLikeId(string segment) =>
        segment.IndexOfAny([':', '%', '@', '=']) >= 0
        || (segment.Length >= 8 && (segment.Any(char.IsAsciiDigit) || segment.Skip(1).Any(char.IsAsciiLetterUpper)))
        || segment.Length >= 20;
}
