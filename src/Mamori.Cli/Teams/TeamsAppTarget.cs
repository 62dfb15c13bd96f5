using System.Diagnostics.CodeAnalysis;

namespace Mamori.Cli.Teams;

/// <summary>
/// The Azure Bot that a Teams app package points at: its Microsoft App ID and the https origin that serves
/// <c>/api/messages</c>. Checked here so a package that Teams would reject (or that points nowhere) is never written.
/// </summary>
internal sealed record TeamsAppTarget(Guid AppId, Uri Host)
{
    /// <summary>The host name (with a port other than 443), as Teams' <c>validDomains</c> lists it.</summary>
    public string Domain => Host.Authority;

    /// <summary>Reads the command-line values; on bad input returns false with a message for the owner.</summary>
    public static bool TryParse(string? appId, string? host, [NotNullWhen(true)] out TeamsAppTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        // Entra app ids are GUIDs, and Teams wants the bot id in the manifest to be exactly that GUID.
        if (!Guid.TryParseExact(appId?.Trim(), "D", out var id))
        {
            error = $"--app-id must be the Azure Bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000; got '{appId}'";
            return false;
        }
        if (!TryParseHost(host, out var origin, out error))
            return false;
        target = new TeamsAppTarget(id, origin);
        return true;
    }

    private static bool TryParseHost(string? host, [NotNullWhen(true)] out Uri? origin, [NotNullWhen(false)] out string? error)
    {
        origin = null;
        const string Example = "e.g. https://mamori.example.jp";
        if (!Uri.TryCreate(host?.Trim(), UriKind.Absolute, out var uri))
        {
            error = $"--host must be an absolute https URL ({Example}); got '{host}'";
            return false;
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            // Teams calls the messaging endpoint over https only.
            error = $"--host must use https ({Example}); got '{host}'";
            return false;
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            // The bot is served at the origin's /api/messages; a path would point the site URLs elsewhere.
            error = $"--host must be the site's origin with no path, query or user ({Example}); got '{host}'";
            return false;
        }
        origin = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        error = null;
        return true;
    }
}
