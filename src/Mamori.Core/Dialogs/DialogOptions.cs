using System.ComponentModel.DataAnnotations;

namespace Mamori.Core.Dialogs;

public sealed class DialogOptions
{
    public const string Section = "Mamori:Dialog";

    /// <summary>The folder with wording.yaml, commands.yaml and question-cues.yaml; unset: the content root's prompts/dialog/.
    /// A relative path is taken from the content root.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>The dialog's prompts folder under <paramref name="content"/>; a configured one that does not exist fails naming the setting.</summary>
    public string PromptsFolder(ContentRoot content)
    {
        if (string.IsNullOrWhiteSpace(PromptsPath))
            return content.DialogPrompts;
        var full = content.Resolve(PromptsPath);
        return Directory.Exists(full) ? full
            : throw new DirectoryNotFoundException($"{Section}:{nameof(PromptsPath)} points at '{full}', which does not exist.");
    }

    /// <summary>Longer messages are declined politely instead of being parsed.</summary>
    [Range(10, 100_000)]
    public int MaxInputLength { get; set; } = 1000;

    /// <summary>Lines of the conversation kept for the question answerer's context.</summary>
    [Range(0, 100)]
    public int HistoryLines { get; set; } = 10;
}
