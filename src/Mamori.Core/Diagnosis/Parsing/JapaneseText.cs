using System.Text;

namespace Mamori.Core.Diagnosis.Parsing;

/// <summary>
/// Folds the many ways one reply can be typed onto one form: NFKC (full-width digits and letters, half-width kana),
/// lower case, katakana to hiragana (ハイ = はい), and no spaces or punctuation.
/// Synonyms in the YAML go through the same folding, so they can be written in any form.
/// </summary>
internal static class JapaneseText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c) || IsDroppedPunctuation(c))
                continue;
            // Katakana ァ..ヶ map onto hiragana ぁ..ゖ by a fixed offset; ー and ヽヾ stay as they are.
            sb.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return sb.ToString();
    }

    // Range marks (〜 ~ -) and the decimal point matter to amounts and counts; every other punctuation mark is noise.
    private static bool IsDroppedPunctuation(char c) =>
        c is not ('-' or '~' or '〜' or '.' or '+') && (char.IsPunctuation(c) || char.IsSymbol(c));
}
