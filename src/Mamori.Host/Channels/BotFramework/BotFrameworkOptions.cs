using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Channels.BotFramework;

/// <summary>
/// The Azure Bot registration behind POST /api/messages (Teams and every Bot Service channel). With no app id the
/// endpoint runs in emulator mode: callers on this machine only, no token checked, and the host says so at start.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    /// <summary>The bot's Microsoft App ID (a GUID): the audience of inbound tokens and the client of outbound ones.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the Connector token. Keep it out of files: an environment variable or a vault.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot (a GUID); unset for a legacy multi-tenant registration.</summary>
    public string? TenantId { get; set; }

    /// <summary>The Mamori tenant (chamber) whose settings and reports the Bot Framework conversations use.</summary>
    [Required, MinLength(1)]
    public string MamoriTenant { get; set; } = "default";

    /// <summary>Bot Service's OpenID metadata (inbound tokens from channels). Overridden only for the US government cloud or tests.</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra's OpenID metadata (tokens Entra issues for single-tenant bots, the emulator and skills); {tenant} is filled in.</summary>
    [Required]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>Where the Connector token is requested; {tenant} is the TenantId, or botframework.com for multi-tenant bots.</summary>
    [Required]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>
    /// Hosts (and their subdomains) a serviceUrl may point to: the bot's token is only ever sent to these. The defaults
    /// are the Bot Service and Teams hosts.
    /// </summary>
    public List<string> AllowedServiceHosts { get; set; } =
        ["botframework.com", "smba.trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us", "botframework.azure.us"];

    /// <summary>Largest accepted activity in bytes; larger bodies get 413 before they are read.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Turns answered in the background at once (not expectReplies); beyond this a channel gets 429 and retries.</summary>
    [Range(1, 100_000)]
    public int MaxBackgroundTurns { get; set; } = 1000;

    public bool IsEmulatorMode => string.IsNullOrWhiteSpace(AppId);
}
