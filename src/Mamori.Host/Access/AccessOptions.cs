namespace Mamori.Host.Access;

/// <summary>The key behind every token the host signs: Direct Line conversations, streams and report links.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Base64 key (at least 32 bytes). Unset: a random key per process, so tokens and report links do not survive a
    /// restart. Set it when several instances share traffic.
    /// </summary>
    public string? TokenSigningKey { get; set; }
}
