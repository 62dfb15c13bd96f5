using Mamori.Core.Text;

namespace Mamori.Core.Understanding;

/// <summary>
/// Tells a free question (「パスワードは何文字あれば安全？」「補助金について教えて」) from an answer the parser could not read,
/// so that a question in the middle of the diagnosis is answered instead of being re-prompted. Cues come from
/// prompts/dialog/question-cues.yaml.
/// </summary>
public sealed class QuestionDetector
{
    private readonly string[] _contains;
    private readonly string[] _endings;
    private readonly string[] _clearContains;
    private readonly string[] _clearEndings;
    private readonly int _questionFirstMinLength;
    private readonly string[] _aboutTheQuestion;
    private readonly string[] _hedgedAnswers;
    private readonly string[] _notCues;

    /// <param name="clearContains">Cues strong enough to answer a long message as a question before the parser sees it.</param>
    public QuestionDetector(
        IEnumerable<string> contains, IEnumerable<string> endings,
        IEnumerable<string>? clearContains = null, IEnumerable<string>? clearEndings = null, int questionFirstMinLength = int.MaxValue,
        IEnumerable<string>? aboutTheQuestion = null, IEnumerable<string>? hedgedAnswers = null, IEnumerable<string>? notCues = null)
    {
        _notCues = Fold(notCues ?? []);
        _hedgedAnswers = Fold(hedgedAnswers ?? []);
        _aboutTheQuestion = Fold(aboutTheQuestion ?? []);
        _questionFirstMinLength = questionFirstMinLength;
        _clearContains = Fold(clearContains ?? []);
        _clearEndings = Fold(clearEndings ?? []);
        // Matched on NFKC text with punctuation kept, because 「？」 is itself the strongest cue.
        _contains = Fold(contains);
        _endings = Fold(endings);
    }

    /// <summary>
    /// A question long enough that a choice word inside it is part of the question, not an answer: asked before the
    /// diagnosis parser sees the text.
    /// </summary>
    public bool IsClearQuestion(string text) =>
        JapaneseFold.Fold(text).Length >= _questionFirstMinLength && Matches(text, _clearContains, _clearEndings) && !IsHedgedAnswer(text);

    // 「予約のお客さんの名前と電話番号くらい？」「ウイルスバスター年5千円くらい？」: an answer said with a rising tone, the
    // 「？」 after an approximation, is the owner unsure of the answer, not asking one: the parser reads it first.
    private bool IsHedgedAnswer(string text)
    {
        var body = text.Normalize(System.Text.NormalizationForm.FormKC).TrimEnd('?', '？', '!', '。', ' ', '　', 'w', 'ｗ', '笑', '…');
        return _hedgedAnswers.Any(e => body.EndsWith(e, StringComparison.Ordinal));
    }

    public bool IsQuestion(string text) => Matches(WithoutNotCues(text), _contains, _endings);

    // 「業者さんなんで、そこはプロです」「何でも聞ける」: なんで after a noun is なので, 何でも is "anything"; taken out before the
    // cues are looked for.
    private string WithoutNotCues(string text)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        foreach (var notCue in _notCues)
            folded = folded.Replace(notCue, "・", StringComparison.Ordinal);
        return folded;
    }

    /// <summary>A question about the diagnosis question itself (「どういう意味？」), answered with that question's help.</summary>
    public bool IsAboutTheQuestion(string text) => Matches(text, _aboutTheQuestion, []);

    private static bool Matches(string text, string[] contains, string[] endings)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        foreach (var cue in contains)
        {
            if (folded.Contains(cue, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        var body = folded.TrimEnd('。', '!', '.', '、', ',', ' ', '　', 'ー', '~', '〜', '…');
        // A lone 「か」 is not a question; the ending must follow at least a couple of characters.
        foreach (var ending in endings)
        {
            if (body.Length > ending.Length + 1 && body.EndsWith(ending, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static string[] Fold(IEnumerable<string> cues) =>
        cues.Select(c => c.Normalize(System.Text.NormalizationForm.FormKC)).Where(c => c.Length > 0).OrderByDescending(c => c.Length).ToArray();
}
