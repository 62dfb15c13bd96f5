using System.Globalization;
using System.Text;
using Mamori.Core.Answering;
using Mamori.Core.Text;
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

    /// <summary>Passages searched per question: enough distinct documents to offer topics from.</summary>
    private const int SearchDepth = 10;

    /// <summary>Topics offered when the evidence is middling.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>A further topic is offered only when its best passage scores at least this share of the best one.</summary>
    private const double SuggestionScoreShare = 0.3;

    public async Task<KnowledgeAnswer> AnswerAsync(QuestionRequest request, CancellationToken cancellationToken) =>
        (await ExplainAsync(request, cancellationToken)).Answer;

    /// <summary>The answer with what led to it: the search, and the passages quoted (for `mamori eval` and tests).</summary>
    public async Task<AnswerTrace> ExplainAsync(QuestionRequest request, CancellationToken cancellationToken)
    {
        // Redacted first: from here the question goes to the search (and its embeddings) and to the model.
        var question = PiiRedactor.Redact((request.Question ?? "").Trim());
        if (question.Length == 0)
            return new AnswerTrace(await RefuseAsync(cancellationToken), null, []);
        if (question.Length > MaxQuestionLength)
            question = question[..MaxQuestionLength];

        var history = request.History ?? [];
        var followUp = _prompts.FollowUp;
        var query = _model is not null && followUp.IsFollowUp(question) && history.Count > 0
            ? await _model.RewriteAsync(question, history, cancellationToken) ?? followUp.Rewrite(question, history)
            : followUp.Rewrite(question, history);

        RetrievalResult result;
        try
        {
            result = await SearchAsync(query, request, null, cancellationToken);
            // A pressed topic button: its label comes back as the question; that document answers the question before it.
            if (ChosenTopic(question, result.Topics) is { } chosen)
            {
                var earlier = history.LastOrDefault(l => l.Role == ConversationRole.User && ChosenTopic(l.Text, result.Topics) is null)?.Text;
                var topicQuery = earlier is null ? question : $"{question} {earlier}";
                return await FromDocumentAsync(await SearchAsync(topicQuery, request, chosen, cancellationToken), cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A store outage (Qdrant unreachable, index unreadable) must not end the conversation.
            AnsweringLog.SearchFailed(_logger, e.GetType().Name, e);
            return new AnswerTrace(new KnowledgeAnswer(await PromptLibrary.RenderTextAsync(_prompts.Unavailable, [], cancellationToken), Grounded: false, Mode, []), null, []);
        }

        if (!result.Verdict.Answerable || result.Hits.Count == 0)
        {
            if (result.Verdict.Close && Suggestions(result) is { Count: > 0 } close)
                return await SuggestAsync(result, close, cancellationToken);
            AnsweringLog.Refused(_logger, result.Verdict.Reason);
            return new AnswerTrace(result.Verdict.UnknownName is { } unknown
                ? await RefuseUnknownNameAsync(AsTyped(unknown.Name, query), cancellationToken)
                : await RefuseAsync(cancellationToken), result, []);
        }

        // Only passages holding the question's key terms may answer it; when none does, the topics are offered instead.
        var passages = result.Hits.Take(Math.Max(_options.LlmPassages, _options.ExtractivePassages)).Where(h => result.HasKeyTerms(h.Chunk))
            .Select(h => h.Chunk).ToList();
        if (passages.Count == 0)
        {
            if (Suggestions(result) is { Count: > 0 } topics)
                return await SuggestAsync(result, topics, cancellationToken);
            AnsweringLog.Refused(_logger, "no passage holds the question's key terms");
            return new AnswerTrace(await RefuseAsync(cancellationToken), result, []);
        }

        return await AnswerFromAsync(query, result, passages, mustAnswer: false, cancellationToken);
    }

    private async Task<AnswerTrace> FromDocumentAsync(RetrievalResult result, CancellationToken cancellationToken)
    {
        var passages = result.Hits.Select(h => h.Chunk).Take(Math.Max(_options.LlmPassages, _options.ExtractivePassages)).ToList();
        if (passages.Count == 0)
            return new AnswerTrace(await RefuseAsync(cancellationToken), result, []);
        return await AnswerFromAsync(result.Query, result, passages, mustAnswer: true, cancellationToken);
    }

    private async Task<AnswerTrace> AnswerFromAsync(string query, RetrievalResult result, IReadOnlyList<KnowledgeChunk> passages, bool mustAnswer,
        CancellationToken cancellationToken)
    {
        if (_model is not null)
        {
            var given = passages.Take(_options.LlmPassages).ToList();
            var written = await _model.AnswerAsync(query, given, cancellationToken);
            switch (written?.Verdict)
            {
                case LlmVerdict.Grounded:
                    var cited = written.Citations.Citations.Select(c => c.DocId).ToHashSet(StringComparer.Ordinal);
                    return new AnswerTrace(WithSources(written), result, [.. given.Where(p => cited.Contains(p.DocId))]);
                case LlmVerdict.NotCovered or LlmVerdict.NothingCited:
                    AnsweringLog.ModelFoundNothing(_logger, written.Verdict);
                    return new AnswerTrace(await RefuseAsync(cancellationToken), result, []);
                case { } rejected:
                    AnsweringLog.ModelAnswerRejected(_logger, rejected);
                    break;
            }
        }

        var extractive = _composer.Compose(result.Analyzed.Terms.Select(t => t.Term), result.KeyTerms ?? KeyTerms.None, passages,
            mustAnswer ? _ => true : result.HasKeyTerms, mustAnswer);
        if (extractive.Citations.Count == 0)
            return new AnswerTrace(await RefuseAsync(cancellationToken), result, []);

        var text = await PromptLibrary.RenderTextAsync(_prompts.Extractive,
            new KernelArguments { ["body"] = extractive.Body }, cancellationToken);
        return new AnswerTrace(new KnowledgeAnswer(text, Grounded: true, "extractive", extractive.Citations.Citations), result, extractive.Quoted);
    }

    /// <summary>The likeliest documents with a topic, best first: up to <see cref="MaxSuggestions"/>, none far below the best.</summary>
    private static List<TopicSuggestion> Suggestions(RetrievalResult result)
    {
        if (result.Topics is null || result.Hits.Count == 0)
            return [];
        double top = result.Hits[0].Score;
        return [.. result.Hits
            .Where(h => result.Topics.ContainsKey(h.Chunk.DocId) && (top <= 0 || h.Score >= top * SuggestionScoreShare))
            .Select(h => h.Chunk.DocId)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(id => new TopicSuggestion(result.Topics[id], id))];
    }

    private async Task<AnswerTrace> SuggestAsync(RetrievalResult result, List<TopicSuggestion> topics, CancellationToken cancellationToken)
    {
        AnsweringLog.SuggestedTopics(_logger, topics.Count, result.Verdict.Reason);
        var text = await PromptLibrary.RenderTextAsync(_prompts.SuggestTopics,
            new KernelArguments { ["topics"] = string.Join("\n", topics.Select(t => $"・{t.Label}")) }, cancellationToken);
        return new AnswerTrace(new KnowledgeAnswer(text, Grounded: false, Mode, []) { Suggestions = topics }, result, []);
    }

    /// <summary>The document whose topic label the text is (a pressed button, or the label typed), else null.</summary>
    private static string? ChosenTopic(string text, IReadOnlyDictionary<string, string>? topics)
    {
        if (topics is null)
            return null;
        var key = TopicKey(text);
        return topics.FirstOrDefault(t => TopicKey(t.Value) == key).Key;
    }

    private static string TopicKey(string text) =>
        JapaneseNormalizer.Normalize(text).Trim().TrimEnd('?', '？', '。', ' ');

    private async Task<RetrievalResult> SearchAsync(string query, QuestionRequest request, string? document, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["query"] = query,
            ["limit"] = Math.Max(SearchDepth, Math.Max(_options.LlmPassages, _options.ExtractivePassages)),
        };
        if (request.Region is not null)
            arguments["region"] = request.Region;
        if (request.TenantId is not null)
            arguments["tenant"] = request.TenantId;
        if (document is not null)
            arguments["document"] = document;

        var result = await _kernel.InvokeAsync<RetrievalResult>(
            KnowledgeSearchPlugin.PluginName, KnowledgeSearchPlugin.SearchFunction, arguments, cancellationToken);
        return result ?? throw new InvalidOperationException("The knowledge search plugin returned nothing.");
    }

    // The sources go beside the text (Citations), never into it: every channel lists them once under the answer.
    private KnowledgeAnswer WithSources(LlmAnswerCheck written)
    {
        if (written.DroppedSentences > 0)
            AnsweringLog.DroppedSentences(_logger, written.DroppedSentences);
        return new KnowledgeAnswer(written.Text.Trim(), Grounded: true, "llm", written.Citations.Citations);
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
                var lines = history.TakeLast(6).Select(l => $"{(l.Role == ConversationRole.User ? "利用者" : "まもり")}: {PassageSanitizer.Neutralize(PiiRedactor.Redact(l.Text))}");
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
