using Microsoft.Extensions.Logging;

namespace Mamori.Knowledge.Answering;

/// <summary>Answering events. Ids and reasons only, never what the user typed.</summary>
internal static partial class AnsweringLog
{
    [LoggerMessage(101, LogLevel.Information, "Refused: evidence too weak ({Reason})")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(102, LogLevel.Warning, "The language model failed ({Error}); answering extractively instead")]
    public static partial void ModelFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(103, LogLevel.Warning, "The model's answer was rejected ({Verdict}); answering extractively instead")]
    public static partial void ModelAnswerRejected(ILogger logger, LlmVerdict verdict);

    [LoggerMessage(104, LogLevel.Information, "The model's answer cited nothing or said the sources do not cover it ({Verdict}); refusing")]
    public static partial void ModelFoundNothing(ILogger logger, LlmVerdict verdict);

    [LoggerMessage(105, LogLevel.Information, "Dropped {Count} uncited sentences from the model's answer")]
    public static partial void DroppedSentences(ILogger logger, int count);

    [LoggerMessage(107, LogLevel.Error, "The knowledge search failed ({Error}); told the user to try again or ask for a person")]
    public static partial void SearchFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(108, LogLevel.Information, "Offered {Count} topics: evidence middling ({Reason})")]
    public static partial void SuggestedTopics(ILogger logger, int count, string reason);

    [LoggerMessage(106, LogLevel.Warning, "Follow-up rewrite by the model failed ({Error}); using the deterministic rewrite")]
    public static partial void RewriteFailed(ILogger logger, string error);
}
