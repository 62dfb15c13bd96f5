namespace Mamori.Host.Access;

internal static partial class AccessLog
{
    [LoggerMessage(1, LogLevel.Information, "Access:TokenSigningKey is not set: tokens and report links are signed with a random key and do not survive a restart.")]
    public static partial void RandomSigningKey(ILogger logger);
}
