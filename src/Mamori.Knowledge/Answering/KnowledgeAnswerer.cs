using System.Globalization;
using System.Text;
using Mamori.Core.Answering;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Answers a free question from the guidelines: rewrite a follow-up, search through the kernel's knowledge plugin,
/// refuse when the evidence gate says the guidelines don't cover it, otherwise answer — with the model when one is
/// configured and its answer passes the citation check, else extractively. Every path ends in a polite answer.
/// </summary>
/// <remarks><see cref="KnowledgeAnswer.Mode"/> is "llm" only when the model wrote the text; a refusal reports the
/// configured mode; a fallback after a model failure reports "extractive".</remarks>
public sealed class KnowledgeAnswerer : IQuestionAnswerer
{
    /// <summary>Longer input is cut: no real question needs more, and the model's context is not for pasted documents.</summary>
    public const int MaxQuestionLength = 500;

    private readonly Kernel _kernel;
    private readonly PromptLibrary _prompts;
    private readonly AnsweringOptions _options;
    private readonly ILogger _logger;
    private readonly ModelWriter? _model;
    private readonly ExtractiveComposer _composer;

    public KnowledgeAnswerer(Kernel kernel, PromptLibrary prompts, AnsweringOptions options, ILogger<KnowledgeAnswerer> logger)
    {
        _kernel = kernel;
        _prompts = prompts;
        _options = options;
        _logger = logger;
        _model = MamoriKernel.HasChatModel(kernel) ? new ModelWriter(kernel, prompts, logger) : null;
        _composer = new ExtractiveComposer(JapaneseAnalyzer.Default.Analyze, options);
    }

    public string Mode => _model is null ? "extractive" : "llm";

    public async Task<KnowledgeAnswer> AnswerAsync(QuestionRequest request, CancellationToken cancellationToken)
    {
        var question = (request.Question ?? "").Trim();
        if (question.Length == 0)
            return await RefuseAsync(cancellationToken);
        if (question.Length > MaxQuestionLength)
            question = question[..MaxQuestionLength];

        var history = request.History ?? [];
        var query = _model is not null && FollowUpRewriter.IsFollowUp(question) && history.Count > 0
            ? await _model.RewriteAsync(question, history, cancellationToken) ?? FollowUpRewriter.Rewrite(question, history)
            : FollowUpRewriter.Rewrite(question, history);

        RetrievalResult result;
        try
        {
            result = await SearchAsync(query, request, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A store outage (Qdrant unreachable, index unreadable) must not end the conversation.
            AnsweringLog.SearchFailed(_logger, e.GetType().Name, e);
            return new KnowledgeAnswer(await PromptLibrary.RenderTextAsync(_prompts.Unavailable, [], cancellationToken), Grounded: false, Mode, []);
        }

        if (!result.Verdict.Answerable || result.Hits.Count == 0)
        {
            AnsweringLog.Refused(_logger, result.Verdict.Reason);
            return result.Verdict.UnknownName is { } unknown
                ? await RefuseUnknownNameAsync(AsTyped(unknown.Name, query), cancellationToken)
                : await RefuseAsync(cancellationToken);
        }

        var passages = result.Hits.Select(h => h.Chunk).ToList();
        if (_model is not null)
        {
            var written = await _model.AnswerAsync(query, passages.Take(_options.LlmPassages).ToList(), cancellationToken);
            switch (written?.Verdict)
            {
                case LlmVerdict.Grounded:
                    return await WithSourcesAsync(written, cancellationToken);
                case LlmVerdict.NotCovered or LlmVerdict.NothingCited:
                    AnsweringLog.ModelFoundNothing(_logger, written.Verdict);
                    return await RefuseAsync(cancellationToken);
                case { } rejected:
                    AnsweringLog.ModelAnswerRejected(_logger, rejected);
                    break;
            }
        }

        return await ExtractiveAsync(result, passages, cancellationToken);
    }

    private async Task<RetrievalResult> SearchAsync(string query, QuestionRequest request, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["query"] = query,
            ["limit"] = Math.Max(_options.LlmPassages, _options.ExtractivePassages),
        };
        if (request.Region is not null)
            arguments["region"] = request.Region;
        if (request.TenantId is not null)
            arguments["tenant"] = request.TenantId;

        var result = await _kernel.InvokeAsync<RetrievalResult>(
            KnowledgeSearchPlugin.PluginName, KnowledgeSearchPlugin.SearchFunction, arguments, cancellationToken);
        return result ?? throw new InvalidOperationException("The knowledge search plugin returned nothing.");
    }

    private async Task<KnowledgeAnswer> ExtractiveAsync(RetrievalResult result, IReadOnlyList<KnowledgeChunk> passages, CancellationToken cancellationToken)
    {
        var (body, citations) = _composer.Compose(result.Analyzed.Terms.Select(t => t.Term), passages);
        if (citations.Count == 0)
            return await RefuseAsync(cancellationToken);

        var text = await PromptLibrary.RenderTextAsync(_prompts.Extractive,
            new KernelArguments { ["body"] = body, ["sources"] = citations.SourceLines() }, cancellationToken);
        return new KnowledgeAnswer(text, Grounded: true, "extractive", citations.Citations);
    }

    private async Task<KnowledgeAnswer> WithSourcesAsync(LlmAnswerCheck written, CancellationToken cancellationToken)
    {
        if (written.DroppedSentences > 0)
            AnsweringLog.DroppedSentences(_logger, written.DroppedSentences);
        var text = await PromptLibrary.RenderTextAsync(_prompts.AnswerWithSources,
            new KernelArguments { ["answer"] = written.Text, ["sources"] = written.Citations.SourceLines() }, cancellationToken);
        return new KnowledgeAnswer(text, Grounded: true, "llm", written.Citations.Citations);
    }

    private async Task<KnowledgeAnswer> RefuseAsync(CancellationToken cancellationToken) =>
        new(await PromptLibrary.RenderTextAsync(_prompts.Refuse, [], cancellationToken), Grounded: false, Mode, []);

    private async Task<KnowledgeAnswer> RefuseUnknownNameAsync(string name, CancellationToken cancellationToken) =>
        new(await PromptLibrary.RenderTextAsync(_prompts.RefuseUnknownName, new KernelArguments { ["name"] = name }, cancellationToken),
            Grounded: false, Mode, []);

    /// <summary>
    /// The gate finds names in the normalized question (lower case, NFKC); echo the user's own spelling when the
    /// question holds it (「IT」 rather than 「it」), else the normalized form.
    /// </summary>
    private static string AsTyped(string normalizedName, string question)
    {
        var at = CultureInfo.InvariantCulture.CompareInfo.IndexOf(question, normalizedName,
            CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth, out var length);
        return at >= 0 ? question.Substring(at, length) : normalizedName;
    }

    /// <summary>The two model calls. Any failure returns null (the caller falls back) and is logged, never thrown.</summary>
    private sealed class ModelWriter(Kernel kernel, PromptLibrary prompts, ILogger logger)
    {
        private const int MaxRewriteLength = 200;
        private readonly KernelFunction _answer = KernelFunctionFactory.CreateFromPrompt(prompts.Answer);
        private readonly KernelFunction _rewrite = KernelFunctionFactory.CreateFromPrompt(prompts.RewriteFollowUp);

        public async Task<LlmAnswerCheck?> AnswerAsync(string question, IReadOnlyList<KnowledgeChunk> passages, CancellationToken cancellationToken)
        {
            try
            {
                var result = await kernel.InvokeAsync(_answer,
                    new KernelArguments { ["question"] = question, ["sources"] = FormatSources(passages) }, cancellationToken);
                return LlmAnswerCheck.Check(result.GetValue<string>(), passages);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                AnsweringLog.ModelFailed(logger, e.GetType().Name, e);
                return null;
            }
        }

        public async Task<string?> RewriteAsync(string question, IReadOnlyList<ConversationLine> history, CancellationToken cancellationToken)
        {
            try
            {
                var lines = history.TakeLast(6).Select(l => $"{(l.Role == ConversationRole.User ? "利用者" : "まもり")}: {PassageSanitizer.Neutralize(l.Text)}");
                var result = await kernel.InvokeAsync(_rewrite,
                    new KernelArguments { ["history"] = string.Join("\n", lines), ["question"] = question }, cancellationToken);
                var rewritten = result.GetValue<string>()?.Trim();
                if (string.IsNullOrEmpty(rewritten) || rewritten.Length > MaxRewriteLength || rewritten.Contains('\n'))
                {
                    AnsweringLog.RewriteFailed(logger, "unusable output");
                    return null;
                }

                return rewritten;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                AnsweringLog.RewriteFailed(logger, e.GetType().Name);
                return null;
            }
        }

        /// <summary>Numbered, delimited, sanitised passages. SK HTML-encodes this value, so no passage can close the tag early.</summary>
        private static string FormatSources(IReadOnlyList<KnowledgeChunk> passages)
        {
            var sources = new StringBuilder();
            for (var i = 0; i < passages.Count; i++)
            {
                var p = passages[i];
                var heading = p.Section.Length == 0 ? p.Title : $"{p.Title} / {p.Section}";
                sources.Append($"<source id=\"{i + 1}\" title=\"{PassageSanitizer.Neutralize(heading)}\">\n")
                    .Append(PassageSanitizer.Neutralize(p.Text))
                    .Append("\n</source>\n");
            }

            return sources.ToString().TrimEnd();
        }
    }
}
