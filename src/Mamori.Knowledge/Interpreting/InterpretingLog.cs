using Microsoft.Extensions.Logging;

namespace Mamori.Knowledge.Interpreting;

/// <summary>Reply-interpreting events: question ids, codes and the model's reason; never the owner's reply.</summary>
internal static partial class InterpretingLog
{
    [LoggerMessage(301, LogLevel.Debug, "Question {QuestionId}: the model guessed {Code} ({Reason}); asking the owner to confirm")]
    public static partial void Guessed(ILogger logger, string questionId, string code, string reason);

    [LoggerMessage(302, LogLevel.Warning, "Question {QuestionId}: the model's answer was not usable ({Problem}); asking the question again")]
    public static partial void Unusable(ILogger logger, string questionId, string problem);

    [LoggerMessage(303, LogLevel.Warning, "Question {QuestionId}: the model failed ({Error}); asking the question again")]
    public static partial void Failed(ILogger logger, string questionId, string error, Exception exception);

    [LoggerMessage(304, LogLevel.Warning, "Question {QuestionId}: the model did not answer within {Seconds} s; asking the question again")]
    public static partial void TimedOut(ILogger logger, string questionId, int seconds);
}
