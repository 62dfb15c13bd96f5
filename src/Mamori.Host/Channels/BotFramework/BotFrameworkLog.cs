namespace Mamori.Host.Channels.BotFramework;

/// <summary>Tenants, reasons and statuses only: conversation and user ids stay out of the logs.</summary>
internal static partial class BotFrameworkLog
{
    [LoggerMessage(2, LogLevel.Error, "Sending a reply through the Bot Connector failed for tenant {TenantId} (HTTP {Status}).")]
    public static partial void SendFailed(ILogger logger, Exception exception, string tenantId, int? status);

    [LoggerMessage(3, LogLevel.Information, "Refused an activity on /api/messages: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Too many Bot Framework turns waiting ({Limit}); an activity got 429.")]
    public static partial void Busy(ILogger logger, int limit);
}
