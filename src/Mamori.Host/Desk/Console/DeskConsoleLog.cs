namespace Mamori.Host.Desk.Console;

internal static partial class DeskConsoleLog
{
    // The login itself is in the desk's audit log; the host log names only the tenant, so it can go to shared log storage.
    [LoggerMessage(1, LogLevel.Warning, "A desk login of tenant {Tenant} is locked for {Minutes} min after repeated wrong passwords.")]
    public static partial void LoginLocked(ILogger logger, string tenant, int minutes);
}
