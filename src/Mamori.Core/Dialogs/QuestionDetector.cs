namespace Mamori.Core.Dialogs;

/// <summary>
/// Tells a free question (「パスワードは何文字あれば安全？」「補助金について教えて」) from an answer the parser could not read,
/// so that a question in the middle of the diagnosis is answered instead of being re-prompted. Cues come from
/// prompts/dialog/question-cues.yaml.
/// </summary>
public sealed class QuestionDetector
{
    private readonly string[] _contains;
    private readonly string[] _endings;

    public QuestionDetector(IEnumerable<string> contains, IEnumerable<string> endings)
    {
        // Matched on NFKC text with punctuation kept, because 「？」 is itself the strongest cue.
        _contains = contains.Select(c => c.Normalize(System.Text.NormalizationForm.FormKC)).Where(c => c.Length > 0).ToArray();
        _endings = endings.Select(e => e.Normalize(System.Text.NormalizationForm.FormKC)).Where(e => e.Length > 0)
            .OrderByDescending(e => e.Length).ToArray();
    }

    public bool IsQuestion(string text)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        foreach (var cue in _contains)
        {
            if (folded.Contains(cue, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        var body = folded.TrimEnd('。', '!', '.', '、', ',', ' ', '　', 'ー', '~', '〜', '…');
        // A lone 「か」 is not a question; the ending must follow at least a couple of characters.
        foreach (var ending in _endings)
        {
            if (body.Length > ending.Length + 1 && body.EndsWith(ending, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
