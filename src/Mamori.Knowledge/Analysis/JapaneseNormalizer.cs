using System.Globalization;
using System.Text;

namespace Mamori.Knowledge.Analysis;

/// <summary>
/// Folds the spellings one Japanese word takes in the wild onto one form, before any tokenizing:
/// NFKC (half-width kana, full-width Latin and digits, ㈱), Latin case, katakana variants (ヴ→ブ, ウィ→ウイ so
/// ウィルス meets ウイルス), and the trailing long-vowel mark on katakana words of 4+ characters (サーバー→サーバ, like Kuromoji's stemmer).
/// </summary>
public static class JapaneseNormalizer
{
    /// <summary>
    /// Throws when the runtime cannot do NFKC (invariant globalization returns the input unchanged, silently).
    /// Called once before an index is built or loaded so a misconfigured container fails loudly instead of ranking badly.
    /// </summary>
    public static void EnsureNormalizationWorks()
    {
        const string halfWidth = "ｾｷｭﾘﾃｨ";
        if (halfWidth.Normalize(NormalizationForm.FormKC) != "セキュリティ")
            throw new InvalidOperationException(
                "Unicode NFKC normalization is not working (InvariantGlobalization or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT is on, " +
                $"or ICU is missing; culture '{CultureInfo.CurrentCulture.Name}'). Japanese search needs ICU: install libicu and unset invariant mode.");
    }

    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        string nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(nfkc.Length);
        for (int i = 0; i < nfkc.Length; i++)
            AppendFolded(builder, nfkc, i);
        return FoldLongVowels(builder);
    }

    private static void AppendFolded(StringBuilder builder, string text, int i)
    {
        char c = text[i];
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            // ヴァ ヴィ ヴ ヴェ ヴォ → バ ビ ブ ベ ボ (the small vowel after ヴ is dropped below).
            case 'ヴ':
                builder.Append(next switch { 'ァ' => 'バ', 'ィ' => 'ビ', 'ェ' => 'ベ', 'ォ' => 'ボ', _ => 'ブ' });
                return;
            case 'ァ' or 'ィ' or 'ェ' or 'ォ' when i > 0 && text[i - 1] == 'ヴ':
                return;
            // ウィ ウェ ウォ and ウイ ウエ ウオ are both in common use (ウィルス/ウイルス, ソフトウェア/ソフトウエア).
            // Other small vowels (ティ, ファ) have no such rival spelling and stay.
            case 'ィ' when i > 0 && text[i - 1] == 'ウ': builder.Append('イ'); return;
            case 'ェ' when i > 0 && text[i - 1] == 'ウ': builder.Append('エ'); return;
            case 'ォ' when i > 0 && text[i - 1] == 'ウ': builder.Append('オ'); return;
            case 'ヵ': builder.Append('カ'); return;
            case 'ヶ': builder.Append('ケ'); return;
            // Dash look-alikes inside katakana words are long-vowel marks typed with the wrong key (サーバ－, サーバ-).
            case '-' or '‐' or '−' or '―' or '－' when i > 0 && IsKatakana(text[i - 1]) && text[i - 1] != 'ー':
                builder.Append('ー');
                return;
            default:
                builder.Append(c);
                return;
        }
    }

    /// <summary>Drops a trailing ー from katakana runs of at least four characters (コピー stays, サーバー becomes サーバ).</summary>
    private static string FoldLongVowels(StringBuilder text)
    {
        var output = new StringBuilder(text.Length);
        int runStart = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool katakana = i < text.Length && IsKatakana(text[i]);
            if (katakana && runStart < 0)
                runStart = i;
            if (katakana)
                continue;
            if (runStart >= 0)
            {
                int end = i;
                if (end - runStart >= 4 && text[end - 1] == 'ー')
                    end--;
                for (int j = runStart; j < end; j++)
                    output.Append(text[j]);
                runStart = -1;
            }
            if (i < text.Length)
                output.Append(text[i]);
        }
        return output.ToString();
    }

    public static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー' or 'ヽ' or 'ヾ';
}
