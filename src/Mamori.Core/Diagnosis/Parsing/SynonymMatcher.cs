namespace Mamori.Core.Diagnosis.Parsing;

/// <summary>
/// Maps free text onto one choice by the words people use for it. Never guesses: when words for two different
/// choices are both present (「少しはやってるけど全部じゃない」 is fine, 「はいかいいえか」 is not), the answer is no match.
/// </summary>
/// <remarks>
/// Rules, in order: (1) the whole reply, minus polite endings, equals a code, label or synonym;
/// (2) otherwise every synonym found inside the reply counts (short kana words like 「ある」 only as the whole reply), except one covered by a longer synonym found at the same
/// place (「東京都」 hides 「京都」) and a positive word directly followed by a negation (「詳しい人はいない」 is not 「詳しい人」);
/// (3) one choice left wins; several left that make up a combined choice (個人情報 + 図面 = 両方), that one wins;
/// otherwise exactly one of them marked dominant (「一部」 over 「やってる」) wins.
/// </remarks>
internal sealed class SynonymMatcher
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Word, string Code)> _words = [];
    private readonly HashSet<string> _dominant = new(StringComparer.Ordinal);

    /// <param name="entries">Per choice: its code, whether it is dominant, and its code/label/synonyms (any form: they are folded here).</param>
    private readonly List<(string Code, IReadOnlyCollection<string> Parts)> _combinations = [];

    /// <param name="combinations">A code chosen when the words of exactly these other codes appear together.</param>
    public SynonymMatcher(IEnumerable<(string Code, bool Dominant, IEnumerable<string> Words)> entries,
        IEnumerable<(string Code, IReadOnlyCollection<string> Parts)>? combinations = null)
    {
        _combinations.AddRange(combinations ?? []);
        foreach (var (code, dominant, words) in entries)
        {
            if (dominant)
                _dominant.Add(code);
            foreach (var word in words.Select(JapaneseText.Fold).Where(w => w.Length > 0).Distinct())
            {
                // The first choice to claim a word keeps it; the loader rejects duplicates, so this only guards code.
                _exact.TryAdd(word, code);
                if (!IsExactOnly(word))
                    _words.Add((word, code));
            }
        }
        // Longest first, so the cover rule can be checked against already accepted spans.
        _words.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
    }

    // Short kana words (はい ある ない いる まだ ノー) hide inside longer words (「している」「ある程度」「ノーコメント」),
    // so they count only as the whole reply; short kanji words (一部 保険 東京) are safe to find anywhere.
    private static bool IsExactOnly(string word) =>
        word.Length < 2 || (word.Length == 2 && word.All(c => c is >= 'ぁ' and <= 'ゖ' or 'ー'));

    /// <summary>The code whose code, label or synonym equals the whole reply (minus polite endings): a pressed button.</summary>
    public string? MatchExact(string folded)
    {
        foreach (var form in WithoutEndings(folded))
        {
            if (_exact.TryGetValue(form, out var exact))
                return exact;
        }
        return null;
    }

    /// <summary>The choice code the folded text names, or null.</summary>
    public string? Match(string folded)
    {
        if (folded.Length == 0)
            return null;
        if (MatchExact(folded) is { } exact)
            return exact;

        var accepted = new List<(int Start, int End, string Code, bool Negative)>();
        foreach (var (word, code) in _words)
        {
            for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0;
                 at = folded.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if (accepted.Any(a => a.Start <= at && end <= a.End))
                    continue;
                var negative = EndsInNegation(word);
                if (!negative && IsFollowedByNegation(folded, end))
                    continue;
                accepted.Add((at, end, code, negative));
            }
        }
        // 「補助金は使わない」「保険には入っていない」: a word set off by は/も, and a negation at the end of the reply.
        // Which part the negation denies is not clear from words alone, so ask again rather than guess.
        if (EndsInNegation(WithoutEndings(folded).Last()) && accepted.Any(a => !a.Negative && IsTopic(folded, a.End)))
            return null;
        var codes = accepted.Select(a => a.Code).Distinct().ToList();
        if (codes.Count == 1)
            return codes[0];
        foreach (var (combined, parts) in _combinations)
        {
            if (parts.Count == codes.Count && parts.All(codes.Contains))
                return combined;
        }
        var dominant = codes.Where(_dominant.Contains).ToList();
        return dominant.Count == 1 ? dominant[0] : null;
    }

    private static readonly string[] PoliteEndings =
        ["とおもいます", "とおもう", "ですね", "ですよ", "でした", "です", "だよ", "だね", "かな", "かも", "ね", "よ", "だ"];

    /// <summary>The reply, then the reply with one more polite ending taken off each time (「ないです」→「ない」).</summary>
    internal static IEnumerable<string> WithoutEndings(string folded)
    {
        yield return folded;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var ending in PoliteEndings)
            {
                if (folded.Length > ending.Length && folded.EndsWith(ending, StringComparison.Ordinal))
                {
                    folded = folded[..^ending.Length];
                    changed = true;
                    yield return folded;
                    break;
                }
            }
        }
    }

    private static bool IsTopic(string folded, int end)
    {
        var rest = folded.AsSpan(end);
        return rest.StartsWith("は", StringComparison.Ordinal) || rest.StartsWith("には", StringComparison.Ordinal)
               || rest.StartsWith("も", StringComparison.Ordinal) || rest.StartsWith("とは", StringComparison.Ordinal);
    }

    private static readonly string[] Negations = ["ない", "なかった", "ません", "なし", "無い", "無し", "いない", "ていない", "てない"];

    private static bool EndsInNegation(string word) =>
        Negations.Any(n => word.EndsWith(n, StringComparison.Ordinal)) || word.EndsWith("いいえ", StringComparison.Ordinal);

    private static bool IsFollowedByNegation(string folded, int end)
    {
        // Allow a few particles between the word and its negation: 「詳しい人はいない」「担当者がいません」「ソフトは入れてない」.
        for (var skip = 0; skip <= 4 && end + skip <= folded.Length; skip++)
        {
            var rest = folded.AsSpan(end + skip);
            foreach (var negation in Negations)
            {
                if (rest.StartsWith(negation, StringComparison.Ordinal))
                    return true;
            }
            if (end + skip < folded.Length && !IsLinkingKana(folded[end + skip]))
                return false;
        }
        return false;
    }

    // 「こと」 too: 「言われたことはない」 negates 「言われた」.
    private static bool IsLinkingKana(char c) => "はがもをにでてじゃいっこと".Contains(c);
}
