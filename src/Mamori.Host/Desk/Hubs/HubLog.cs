namespace Mamori.Host.Desk.Hubs;

/// <summary>Tenants and states only: conversation and user ids stay out of the logs.</summary>
internal static partial class HubLog
{
    [LoggerMessage(1, LogLevel.Information, "An owner of tenant {TenantId} asked for a person on {Channel}; the conversation was handed to the tenant's contact-centre hub (handoff.initiate).")]
    public static partial void HandedOver(ILogger logger, string tenantId, string channel);

    [LoggerMessage(2, LogLevel.Information, "The contact-centre hub of tenant {TenantId} sent handoff.status {State}.")]
    public static partial void Status(ILogger logger, string tenantId, string state);

    [LoggerMessage(3, LogLevel.Information, "The contact-centre hub of tenant {TenantId} sent handoff.status {State} for a conversation it does not hold (already ended or expired); nothing was said to the owner.")]
    public static partial void NotHeld(ILogger logger, string tenantId, string state);
}
