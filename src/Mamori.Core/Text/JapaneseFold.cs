using System.Globalization;
using System.Text;

namespace Mamori.Core.Text;

/// <summary>
/// The one fold of Japanese text that every reader uses (replies, commands, button labels, synonyms): NFKC (full-width
/// digits and letters, half-width kana), lower case, katakana → hiragana (ハイ = はい), no spaces, no punctuation, no
/// emoji. Range marks (〜 ~ -), the decimal point and + stay: they matter to amounts and counts (「5〜10人」「301+」).
/// 「モドル」「もどる 」「ﾓﾄﾞﾙ」 all become 「もどる」.
/// </summary>
public static class JapaneseFold
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(nfkc.Length);
        foreach (var rune in nfkc.EnumerateRunes())
        {
            if (rune.IsBmp)
            {
                var c = (char)rune.Value;
                if (char.IsWhiteSpace(c) || char.IsControl(c) || IsDroppedMark(c))
                    continue;
                // Katakana ァ..ヶ map onto hiragana ぁ..ゖ by a fixed offset; ー and ヽヾ stay as they are.
                sb.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                sb.Append(rune.ToString());   // rare kanji outside the BMP are text; emoji are not
            }
        }
        return sb.ToString();
    }

    private static bool IsDroppedMark(char c) =>
        c is not ('-' or '~' or '〜' or '.' or '+')
        && (char.IsPunctuation(c) || char.IsSymbol(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    /// <summary>Edit distance, stopping early once it exceeds <paramref name="limit"/> (we only ever ask "at most one typo?").</summary>
    public static bool WithinEdits(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return false;
        // Replies are short; a long one is compared on the heap rather than on the stack.
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
                return false;
            current.CopyTo(previous);
        }
        return previous[b.Length] <= limit;
    }

    internal static bool IsLetterOrDigitAnywhere(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
                return true;
        }
        return false;
    }

    internal static bool IsInvisible(char c) =>
        char.IsControl(c) ? c is not ('\n' or '\t') : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
