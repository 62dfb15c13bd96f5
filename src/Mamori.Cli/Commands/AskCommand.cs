using System.CommandLine;
using System.Text.Json;
using Mamori.Core.Answering;
using Mamori.Knowledge;
using Mamori.Knowledge.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori ask "&lt;question&gt;" [--previous "&lt;earlier question&gt;"]… [--region R] [--tenant T] [--json]`: answers from the
/// guidelines with citations, or refuses politely. JSON: {"answer","grounded","mode","citations":[{"docId","title","url"}],
/// "suggestions":[{"label","docId"}]} — suggestions are the topic buttons offered when the evidence is middling (else empty);
/// sending a label back (`ask "&lt;label&gt;" --previous "&lt;question&gt;"`) answers from that document.
/// Settings come from appsettings.json in the working folder, then environment variables (Knowledge__AzureOpenAI__Endpoint …).
/// </summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // Japanese stays readable
    };

    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "質問（日本語）", Arity = ArgumentArity.ZeroOrOne };
        var previous = new Option<string[]>("--previous") { Description = "会話の前の質問（続きの質問「それはいくら？」を理解するため。複数可）" };
        var region = new Option<string?>("--region") { Description = "会社の都道府県コード（例: tokyo）" };
        var tenant = new Option<string?>("--tenant") { Description = "商工会議所などのテナント ID" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var command = new Command("ask", "ガイドラインにもとづいて質問に答える（出典つき）") { question, previous, region, tenant, json };
        command.SetAction(async (parse, ct) =>
        {
            using var services = BuildServices();
            return await RunAsync(new AskInput(parse.GetValue(question), parse.GetValue(previous) ?? [], parse.GetValue(region), parse.GetValue(tenant), parse.GetValue(json)),
                services, Console.Out, Console.Error, ct);
        });
        return command;
    }

    internal sealed record AskInput(string? Question, string[] Previous, string? Region, string? Tenant, bool Json);

    internal static async Task<int> RunAsync(AskInput input, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (question, previous, region, tenant, json) = input;
        if (string.IsNullOrWhiteSpace(question))
        {
            stderr.WriteLine("ask: the question is missing or empty. Example: mamori ask \"パスワードは何文字以上が安全？\" --json");
            return 2;
        }
        if (question.Length > KnowledgeAnswerer.MaxQuestionLength)
        {
            stderr.WriteLine($"ask: the question is {question.Length} characters long; at most {KnowledgeAnswerer.MaxQuestionLength} are accepted.");
            return 2;
        }

        try
        {
            var answerer = services.GetRequiredService<IQuestionAnswerer>();
            var history = previous.Select(p => new ConversationLine(ConversationRole.User, p)).ToList();
            var answer = await answerer.AnswerAsync(new QuestionRequest(question, history, region, tenant), cancellationToken);
            stdout.WriteLine(json
                ? JsonSerializer.Serialize(new
                {
                    answer = answer.Answer,
                    grounded = answer.Grounded,
                    mode = answer.Mode,
                    citations = answer.Citations.Select(c => new { docId = c.DocId, title = c.Title, url = c.Url }),
                    suggestions = answer.Suggestions.Select(t => new { label = t.Label, docId = t.DocId }),
                }, Json)
                : WithSources(answer));
            return 0;
        }
        catch (OptionsValidationException e)
        {
            stderr.WriteLine($"ask: configuration is invalid: {string.Join(" ", e.Failures)}");
            return 1;
        }
    }

    internal static ServiceProvider BuildServices()
    {
        var configuration = CliContent.Configuration();   // the content root is located from it, as by every command

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.AddMamoriKnowledge(configuration);
        return services.BuildServiceProvider();
    }

    // In a terminal the sources are printed under the answer, numbered as its marks [n].
    private static string WithSources(KnowledgeAnswer answer) => answer.Citations.Count == 0
        ? answer.Answer
        : answer.Answer + "\n\n出典\n" + string.Join("\n", answer.Citations.Select((c, i) => $"[{i + 1}] {c.Title} {c.Url}"));
}
