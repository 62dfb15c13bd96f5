using System.Text.RegularExpressions;
using Mamori.Core.Dialogs;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// Recognises the dialog's own lines in the page (echo, confirmation, candidates, re-prompt) from the templates in
/// prompts/dialog/wording.yaml, so the tests follow the wording instead of copying it.
/// </summary>
internal sealed class BotWording(DialogWording wording)
{
    private readonly Regex _echo = Pattern(wording.Echo);
    private readonly Regex _guess = Pattern(wording.ConfirmGuess);
    private readonly Regex _which = Pattern(wording.ConfirmWhich);

    public DialogWording Wording => wording;

    /// <summary>The answer an echo line shows (「（予算は「0円（予算なし）」と受け取りました）」 → 0円（予算なし）), or null.</summary>
    public string? EchoedAnswer(string text) => _echo.Match(text) is { Success: true } m ? m.Groups["answer"].Value : null;

    /// <summary>The guess in 「『〇〇』ということでよろしいですか？」, or null.</summary>
    public string? Guess(string text) => _guess.Match(text) is { Success: true } m ? m.Groups["answer"].Value : null;

    public bool IsCandidates(string text) => _which.IsMatch(text);

    public bool IsUnknownOffer(string text) => text.Contains(wording.ConfirmUnknown, StringComparison.Ordinal);

    public bool IsAskedBack(string text) => Guess(text) is not null || IsCandidates(text) || IsUnknownOffer(text);

    /// <summary>A template with {name} placeholders as a regex with named groups; the answer is the shortest fit.</summary>
    private static Regex Pattern(string template) =>
        new(Regex.Replace(Regex.Escape(template), @"\\\{(\w+)}", m => $"(?<{m.Groups[1].Value}>.+?)"), RegexOptions.CultureInvariant);
}
