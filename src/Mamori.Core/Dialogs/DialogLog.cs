using Microsoft.Extensions.Logging;

namespace Mamori.Core.Dialogs;

/// <summary>The engine's log lines. Ids only, never what the user typed.</summary>
internal static partial class DialogLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Conversation {Conversation}: another turn saved first (attempt {Attempt}); re-applying this turn")]
    public static partial void SaveConflict(ILogger logger, string conversation, int attempt);

    [LoggerMessage(1002, LogLevel.Warning, "Conversation {Conversation}: gave up saving after {Attempts} conflicting attempts")]
    public static partial void SaveGaveUp(ILogger logger, string conversation, int attempts);

    [LoggerMessage(1003, LogLevel.Error, "Conversation {Conversation}: the question answerer failed")]
    public static partial void AnswererFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(1004, LogLevel.Warning, "User {User}: could not save the last diagnosis result after {Attempts} attempts")]
    public static partial void UserSaveGaveUp(ILogger logger, string user, int attempts);

    [LoggerMessage(1005, LogLevel.Information, "Conversation {Conversation}: diagnosis completed, primary barrier {Barrier}")]
    public static partial void DiagnosisCompleted(ILogger logger, string conversation, string barrier);

    [LoggerMessage(1007, LogLevel.Error, "Conversation {Conversation}: the turn failed; the state was left as it was")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(1008, LogLevel.Warning, "Conversation {Conversation}: the reply interpreter failed on question {QuestionId}; the question is asked again")]
    public static partial void InterpreterFailed(ILogger logger, Exception exception, string conversation, string questionId);

    [LoggerMessage(1006, LogLevel.Information, "Conversation {Conversation}: the user asked for a person")]
    public static partial void HandoffRequested(ILogger logger, string conversation);
}
