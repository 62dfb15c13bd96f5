namespace Mamori.Host.Access;

internal static partial class AccessLog
{
    [LoggerMessage(1, LogLevel.Information, "Access:TokenSigningKey is not set: generated a signing key for tokens and report links in {File} (kept for later starts; never commit it).")]
    public static partial void SigningKeyCreated(ILogger logger, string file);
}
