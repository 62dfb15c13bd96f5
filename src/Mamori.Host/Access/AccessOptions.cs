namespace Mamori.Host.Access;

/// <summary>The key behind every token the host signs: Direct Line conversations, streams and report links.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Base64 key (at least 32 bytes). Unset: the key in <see cref="TokenSigningKeyFile"/>, generated on first start, so
    /// tokens and report links survive a restart. Set it when several instances share traffic.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Where the generated key is kept when none is configured (owner-only permissions); relative to the content root.</summary>
    [System.ComponentModel.DataAnnotations.Required(AllowEmptyStrings = false)]
    public string TokenSigningKeyFile { get; set; } = "data/token-signing.key";
}
