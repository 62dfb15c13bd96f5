using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// The answerer's prompts and Japanese wording, read from prompts/ and validated once at start-up, so a typo in a
/// YAML file stops the host with a message naming the file and field rather than failing a user's question later.
/// </summary>
public sealed class PromptLibrary
{
    private PromptLibrary(PromptTemplateConfig answer, PromptTemplateConfig extractive,
        PromptTemplateConfig refuse, PromptTemplateConfig refuseUnknownName, PromptTemplateConfig unavailable, PromptTemplateConfig rewrite,
        PromptTemplateConfig suggestTopics, PromptTemplateConfig interpretReply, FollowUpRewriter followUp)
    {
        InterpretReply = interpretReply;
        FollowUp = followUp;
        SuggestTopics = suggestTopics;
        RefuseUnknownName = refuseUnknownName;
        Unavailable = unavailable;
        Answer = answer;
        Extractive = extractive;
        Refuse = refuse;
        RewriteFollowUp = rewrite;
    }

    /// <summary>LLM prompt: answer from numbered sources, citing [n].</summary>
    public PromptTemplateConfig Answer { get; }

    /// <summary>Text template of the answer without a model.</summary>
    public PromptTemplateConfig Extractive { get; }

    /// <summary>Text template of the polite refusal with the offer of a human expert.</summary>
    public PromptTemplateConfig Refuse { get; }

    /// <summary>
    /// Text template of the refusal when the question names a programme the documents never mention (variable
    /// <c>name</c>): saying which name we have nothing on is kinder than a general "not covered".
    /// </summary>
    public PromptTemplateConfig RefuseUnknownName { get; }

    /// <summary>Text template asking which of the likeliest topics the question is about (variable <c>topics</c>).</summary>
    public PromptTemplateConfig SuggestTopics { get; }

    /// <summary>The deterministic follow-up rewrite and its words (prompts/follow-up-words.yaml).</summary>
    internal FollowUpRewriter FollowUp { get; }

    /// <summary>Text template shown when the search itself fails.</summary>
    public PromptTemplateConfig Unavailable { get; }

    /// <summary>LLM prompt: make a follow-up question self-contained.</summary>
    public PromptTemplateConfig RewriteFollowUp { get; }

    /// <summary>LLM prompt (structured output): place a diagnosis reply the reading could not onto one of its choices.</summary>
    public PromptTemplateConfig InterpretReply { get; }

    /// <summary>
    /// Templates rendered to the user's screen, never sent to a model: values are inserted as they are, not HTML-encoded
    /// (SK encodes by default because a rendered prompt is parsed as &lt;message&gt; markup).
    /// </summary>
    private static PromptTemplateConfig Text(PromptTemplateConfig config)
    {
        config.AllowDangerouslySetContent = true;
        return config;
    }

    /// <summary>Renders a text template (refusal, extractive answer, source list) to the string the user sees.</summary>
    // Templates are parsed once per prompt, not on every answer; rendering plain text needs no plugins, so one empty
    // kernel serves every call.
    private static readonly ConditionalWeakTable<PromptTemplateConfig, IPromptTemplate> Parsed = new();
    private static readonly Kernel TextKernel = new();

    public static async Task<string> RenderTextAsync(PromptTemplateConfig config, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var template = Parsed.GetValue(config, c => new KernelPromptTemplateFactory().Create(c));
        var text = await template.RenderAsync(TextKernel, arguments, cancellationToken);
        return text.Trim();
    }

    /// <summary>Reads every prompt from <paramref name="folder"/> (a content root's prompts/, or a configured copy).</summary>
    public static PromptLibrary Load(string folder)
    {
        var root = Path.GetFullPath(folder);
        PromptTemplateConfig Read(string file, params string[] variables) =>
            PromptYamlReader.Read(Path.Combine(root, file), $"prompts/{file}", variables);

        return new PromptLibrary(
            Read("answer.yaml", "question", "sources"),
            Text(Read("answer-extractive.yaml", "body")),
            Text(Read("refuse.yaml")),
            Text(Read("refuse-unknown-name.yaml", "name")),
            Text(Read("answer-unavailable.yaml")),
            Read("rewrite-follow-up.yaml", "history", "question"),
            Text(Read("suggest-topics.yaml", "topics")),
            Read("interpret-reply.yaml", "question", "choices", "reply"),
            FollowUpRewriter.Load(Path.Combine(root, FollowUpRewriter.FileName), $"prompts/{FollowUpRewriter.FileName}"));
    }
}
