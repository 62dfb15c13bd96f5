using System.Text.Json;
using Mamori.Cli.Understanding;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori eval --replies [FILE|DIR] --requests [FILE|DIR] [--json]`: the bot's reading of typed replies and plain-word
/// requests on the sets in knowledge/eval/, each file (tuning half, test half) reported on its own.
/// </summary>
internal static class ReadingEvalCommand
{
    public static int Run(string? replies, string? requests, bool json, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var understander = Understander.Load(CliContent.Root);
            var replyReports = replies is null ? [] : ReplyEvaluation.Files(replies).Select(f => ReplyEvaluation.RunReplies(understander, f)).ToList();
            var requestReports = requests is null ? [] : ReplyEvaluation.Files(requests).Select(f => ReplyEvaluation.RunRequests(understander, f)).ToList();
            if (json)
                stdout.WriteLine(JsonSerializer.Serialize(ReplyEvaluationOutput.ToJson(replyReports, requestReports), UnderstandCommand.Json));
            else
                ReplyEvaluationOutput.WriteText(stdout, replyReports, requestReports);
            return 0;
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidDataException)
        {
            stderr.WriteLine($"eval: {ex.Message}");
            return 2;
        }
    }
}
