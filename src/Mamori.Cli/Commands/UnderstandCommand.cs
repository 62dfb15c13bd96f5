using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Cli.Understanding;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori understand [--question ID] "&lt;reply&gt;" [--json]`: how the bot reads one message. With --question, as a reply
/// to that diagnosis question: {"question","reply","outcome":"understood"|"confirm"|"notUnderstood"|"question","code",
/// "confidence","echo"}; without, as a request outside the diagnosis: {"outcome":"command","command":…} or {"outcome":"question"}.
/// </summary>
internal static class UnderstandCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create()
    {
        var reply = new Argument<string?>("reply") { Description = "利用者が書いた文", Arity = ArgumentArity.ZeroOrOne };
        var question = new Option<string?>("--question") { Description = "診断の質問 ID（例: inv_budget）。省略時は診断の外での依頼として読む" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var command = new Command("understand", "利用者の返事や依頼を、ボットがどう読み取るかを表示する") { reply, question, json };
        command.SetAction(parse => Run(parse.GetValue(reply), parse.GetValue(question), parse.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string? reply, string? questionId, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            stderr.WriteLine("understand: the text is missing. Example: mamori understand --question inv_budget \"予算なんてないです\" --json");
            return 2;
        }
        Understander understander;
        try
        {
            understander = Understander.Load(CliContent.Root);
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidDataException)
        {
            stderr.WriteLine($"understand: {ex.Message}");
            return 1;
        }

        MessageReading result;
        if (questionId is null)
        {
            result = understander.Request(reply);
        }
        else if (understander.Script.TryGet(questionId, out var question))
        {
            result = understander.Reply(question, reply);
        }
        else
        {
            stderr.WriteLine($"understand: unknown question id '{questionId}' (valid ids: {string.Join(", ", understander.Script.Questions.Select(q => q.Id))})");
            return 2;
        }

        if (json)
        {
            // The contract keeps code, confidence and echo even when they are null.
            object shape = result.Question is null
                ? result.Command is null ? new { outcome = result.Outcome } : new { outcome = result.Outcome, command = result.Command }
                : new { question = result.Question, reply = result.Reply, outcome = result.Outcome, code = result.Code, confidence = result.Confidence, echo = result.Echo, alternatives = result.Alternatives, alsoAsked = result.AlsoAsked };
            stdout.WriteLine(JsonSerializer.Serialize(shape, shape.GetType(), new JsonSerializerOptions(Json) { DefaultIgnoreCondition = JsonIgnoreCondition.Never }));
        }
        else
        {
            stdout.WriteLine(result.Question is null
                ? result.Command is null ? "質問（ナレッジで回答）" : $"コマンド: {result.Command}"
                : $"{result.Outcome}: {result.Code ?? "-"} (確信度 {result.Confidence:0.00}){(result.Echo is null ? "" : " " + result.Echo)}");
        }
        return 0;
    }
}
