using System.Text.Json;
using System.Text.Json.Nodes;
using Mamori.Core.Understanding;
using Mamori.Core.Text;
using Mamori.Knowledge.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Mamori.Knowledge.Interpreting;

/// <summary>
/// Places a diagnosis reply the rules could not onto one of the question's choices, through the kernel's chat model
/// with structured output: a JSON schema whose <c>code</c> is an enum of exactly this question's codes. The reply is
/// delimited as data (prompts/interpret-reply.yaml). Any failure, a timeout, malformed output or a code the question
/// does not offer returns null and is logged: the dialog then asks the question again. The guess is always confirmed by
/// the owner before it is recorded.
/// </summary>
public sealed class ModelReplyInterpreter : IReplyInterpreter
{
    /// <summary>A longer reply is cut: an answer to one question needs no more, and the model's context is not for pasting.</summary>
    public const int MaxReplyLength = 300;

    private const int MaxReasonLength = 120;
    private const string SchemaName = "reply_choice";

    private readonly Kernel _kernel;
    private readonly PromptTemplateConfig _prompt;
    private readonly KernelFunction _function;
    private readonly ReplyInterpreterOptions _options;
    private readonly ILogger _logger;

    public ModelReplyInterpreter(Kernel kernel, PromptLibrary prompts, ReplyInterpreterOptions options, ILogger<ModelReplyInterpreter> logger)
    {
        _kernel = kernel;
        _prompt = prompts.InterpretReply;
        _function = KernelFunctionFactory.CreateFromPrompt(_prompt);
        _options = options;
        _logger = logger;
    }

    public async Task<ReplyGuess?> GuessAsync(ReplyToPlace request, CancellationToken cancellationToken)
    {
        var reply = AsData(request.Reply);
        if (reply.Length == 0 || request.Choices.Count == 0 || !MamoriKernel.HasChatModel(_kernel))
            return null;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        string? content;
        try
        {
            var result = await _kernel.InvokeAsync(_function, Arguments(request, reply), timeout.Token);
            content = result.GetValue<string>();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client may surface the timeout as a cancellation or wrapped in its own exception.
            if (timeout.IsCancellationRequested)
                InterpretingLog.TimedOut(_logger, request.QuestionId, _options.TimeoutSeconds);
            else
                InterpretingLog.Failed(_logger, request.QuestionId, e.GetType().Name, e);
            return null;
        }

        return Parse(content, request);
    }

    /// <summary>The response_format of this question: only its codes can be answered, and nothing but code and reason.</summary>
    internal static JsonObject Schema(IEnumerable<string> codes) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["code"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c))]) },
            ["reason"] = new JsonObject { ["type"] = "string" },
        },
        ["required"] = new JsonArray("code", "reason"),
        ["additionalProperties"] = false,
    };

    private KernelArguments Arguments(ReplyToPlace request, string reply)
    {
        // The prompt file's temperature and max_tokens, plus this question's schema (arguments' settings replace the file's).
        var settings = (OpenAIPromptExecutionSettings)OpenAIPromptExecutionSettings.FromExecutionSettings(_prompt.DefaultExecutionSettings).Clone();
        settings.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
            SchemaName, BinaryData.FromString(Schema(request.Choices.Select(c => c.Code)).ToJsonString()), jsonSchemaIsStrict: true);
        return new KernelArguments(settings)
        {
            ["question"] = request.Question,
            ["choices"] = string.Join("\n", request.Choices.Select(c => $"- {c.Code}: {c.Label}")),
            ["reply"] = reply,
        };
    }

    private ReplyGuess? Parse(string? content, ReplyToPlace request)
    {
        string? code, reason;
        try
        {
            var answer = JsonNode.Parse(content ?? "") as JsonObject;
            code = answer?["code"]?.GetValue<string>();
            reason = answer?["reason"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            InterpretingLog.Unusable(_logger, request.QuestionId, "not the JSON asked for");
            return null;
        }

        if (code is null || !request.Offers(code))
        {
            InterpretingLog.Unusable(_logger, request.QuestionId, code is null ? "no code" : "a code the question does not offer");
            return null;
        }

        reason = (reason ?? "").Trim();
        if (reason.Length > MaxReasonLength)
            reason = reason[..MaxReasonLength];
        InterpretingLog.Guessed(_logger, request.QuestionId, code, PiiRedactor.Redact(reason));   // the model may quote the reply
        return new ReplyGuess(code, reason);
    }

    /// <summary>
    /// The owner's reply as data: cut, instruction-like sentences dropped, angle brackets made full-width so it cannot
    /// close the &lt;reply&gt; delimiter (SK also HTML-encodes it).
    /// </summary>
    internal static string AsData(string reply)
    {
        var text = PiiRedactor.Redact(reply.Trim());
        if (text.Length > MaxReplyLength)
            text = text[..MaxReplyLength];
        return PassageSanitizer.Neutralize(text).Replace('<', '＜').Replace('>', '＞').Trim();
    }
}
