using System.ComponentModel.DataAnnotations;

namespace Mamori.Core.Dialogs;

public sealed class DialogOptions
{
    public const string Section = "Mamori:Dialog";

    /// <summary>The folder with wording.yaml, commands.yaml and question-cues.yaml; unset: prompts/dialog/ found upwards.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>Longer messages are declined politely instead of being parsed.</summary>
    [Range(10, 100_000)]
    public int MaxInputLength { get; set; } = 1000;

    /// <summary>Lines of the conversation kept for the question answerer's context.</summary>
    [Range(0, 100)]
    public int HistoryLines { get; set; } = 10;
}
