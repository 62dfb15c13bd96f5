namespace Mamori.Host.Channels.Line;

/// <summary>Tenants, event types and statuses only: LINE user ids never reach the logs.</summary>
internal static partial class LineLog
{
    [LoggerMessage(1, LogLevel.Information, "Refused a LINE webhook for tenant {TenantId}: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string tenantId, int status, string reason);

    [LoggerMessage(2, LogLevel.Warning, "LINE push for tenant {TenantId} because {Why}; {Count} push requests since start count against the account's monthly message quota.")]
    public static partial void Pushed(ILogger logger, string tenantId, string why, long count);

    [LoggerMessage(3, LogLevel.Error, "Sending to LINE failed for tenant {TenantId} (HTTP {Status}); the user got no answer to one message.")]
    public static partial void SendFailed(ILogger logger, Exception exception, string tenantId, int? status);

    [LoggerMessage(4, LogLevel.Warning, "Too many LINE events waiting ({Limit}); a webhook got 503 (LINE redelivers it if redelivery is on).")]
    public static partial void Busy(ILogger logger, int limit);

    [LoggerMessage(5, LogLevel.Debug, "Ignored a LINE {EventType} event for tenant {TenantId} ({Why}).")]
    public static partial void Ignored(ILogger logger, string? eventType, string tenantId, string why);

    [LoggerMessage(6, LogLevel.Information, "Forgot a LINE user's state for tenant {TenantId}: they blocked the account.")]
    public static partial void Forgot(ILogger logger, string tenantId);

    [LoggerMessage(7, LogLevel.Error, "A LINE event for tenant {TenantId} could not be handled.")]
    public static partial void EventFailed(ILogger logger, Exception exception, string tenantId);
}
