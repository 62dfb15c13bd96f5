namespace Mamori.Host.Channels.DirectLine;

/// <summary>Logs ids (tenant, conversation), never what the user typed.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(2, LogLevel.Error, "The bot failed a turn in conversation {TenantId}/{ConversationId}; the user was told to try again.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string tenantId, string conversationId);

    [LoggerMessage(3, LogLevel.Information, "Forgot {Removed} idle Direct Line conversations; {Remaining} remain.")]
    public static partial void IdleConversationsRemoved(ILogger logger, int removed, int remaining);

    [LoggerMessage(4, LogLevel.Information, "Conversation {TenantId}/{ConversationId} started.")]
    public static partial void ConversationStarted(ILogger logger, string tenantId, string conversationId);

    [LoggerMessage(5, LogLevel.Debug, "WebSocket of conversation {ConversationId} ended: {Reason}.")]
    public static partial void StreamEnded(ILogger logger, string conversationId, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Conversation limit reached ({Count}); a new conversation was refused.")]
    public static partial void RegistryFull(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Information, "Answering the turns of {Count} Direct Line conversations no host was answering (accepted before a stop, or on a host that is gone).")]
    public static partial void TurnsRecovered(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Warning, "Could not answer the inbox of conversation {ConversationId} (the store failed); its turns wait for the next sweep.")]
    public static partial void PumpFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(9, LogLevel.Warning, "Could not look for unanswered Direct Line turns (the store failed); trying again at the next sweep.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Could not read what other hosts stored in conversation {ConversationId}; it is read again on its next write or turn.")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception, string conversationId);
}
