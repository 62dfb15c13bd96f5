using System.ComponentModel.DataAnnotations;

namespace Mamori.Knowledge.Answering;

public sealed class AnsweringOptions
{
    public const string Section = "Knowledge:Answering";

    /// <summary>Folder with answer.yaml, refuse.yaml, answer-extractive.yaml and rewrite-follow-up.yaml.
    /// A relative path is looked up from the working directory and then upwards from the application folder.</summary>
    [Required] public string PromptsPath { get; set; } = "prompts";

    /// <summary>Passages handed to the language model.</summary>
    [Range(1, 12)] public int LlmPassages { get; set; } = 5;

    /// <summary>Passages quoted in an extractive answer.</summary>
    [Range(1, 6)] public int ExtractivePassages { get; set; } = 3;

    /// <summary>Sentences quoted from each passage in an extractive answer.</summary>
    [Range(1, 6)] public int SentencesPerPassage { get; set; } = 2;
}
