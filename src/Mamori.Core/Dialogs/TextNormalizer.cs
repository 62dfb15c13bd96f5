using System.Globalization;
using System.Text;

namespace Mamori.Core.Dialogs;

/// <summary>
/// Folds the ways one word can be typed into one key: full/half width (NFKC), case, katakana→hiragana, and no spaces
/// or punctuation. 「モドル」「もどる 」「ﾓﾄﾞﾙ」 all become 「もどる」.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsControl(c))
                continue;
            builder.Append(c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c);
        }
        return builder.ToString();
    }

    /// <summary>Edit distance, stopping early once it exceeds <paramref name="limit"/> (we only ever ask "at most one typo?").</summary>
    public static bool WithinEdits(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return false;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
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
            (previous, current) = (current, previous);
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
