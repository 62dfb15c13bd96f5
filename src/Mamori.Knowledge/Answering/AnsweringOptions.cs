using System.ComponentModel.DataAnnotations;
using Mamori.Core;

namespace Mamori.Knowledge.Answering;

public sealed class AnsweringOptions
{
    public const string Section = "Knowledge:Answering";

    /// <summary>Folder with answer.yaml, refuse.yaml, answer-extractive.yaml and rewrite-follow-up.yaml.
    /// Unset: the content root's prompts/; a relative path is taken from the content root.</summary>
    public string? PromptsPath { get; set; }

    public string PromptsFolder(ContentRoot content) => PromptsPath is { Length: > 0 } path ? content.Resolve(path) : content.Prompts;

    /// <summary>Passages handed to the language model.</summary>
    [Range(1, 12)] public int LlmPassages { get; set; } = 5;

    /// <summary>Passages quoted in an extractive answer.</summary>
    [Range(1, 6)] public int ExtractivePassages { get; set; } = 3;

    /// <summary>Sentences quoted from each passage in an extractive answer.</summary>
    [Range(1, 6)] public int SentencesPerPassage { get; set; } = 2;
}
