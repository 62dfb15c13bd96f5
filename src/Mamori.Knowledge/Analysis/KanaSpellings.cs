using System.Text;

namespace Mamori.Knowledge.Analysis;

/// <summary>
/// Loanwords typed in hiragana (「ぱそこん」「めーる」「いんたーねっと」, as older owners and phone kana input often write
/// them) rewritten to the katakana the guidelines use, before a question is analysed. The words come from the indexed
/// passages themselves: every katakana word of three letters or more, unless its hiragana spelling occurs in the passages'
/// own hiragana (then it may be a Japanese word, not a spelling). Nothing to maintain; pure and thread-safe once built.
/// </summary>
public sealed class KanaSpellings
{
    private const int MinLength = 3;

    private readonly Dictionary<string, string> _katakanaOf;
    private readonly int _longest;

    private KanaSpellings(Dictionary<string, string> katakanaOf)
    {
        _katakanaOf = katakanaOf;
        _longest = katakanaOf.Count == 0 ? 0 : katakanaOf.Keys.Max(k => k.Length);
    }

    public static KanaSpellings None { get; } = new([]);

    public int Count => _katakanaOf.Count;

    /// <summary>From passages' text (any form; normalized here like the index).</summary>
    public static KanaSpellings From(IEnumerable<string> texts)
    {
        var katakana = new HashSet<string>(StringComparer.Ordinal);
        var hiragana = new StringBuilder();
        foreach (var text in texts)
        {
            var normalized = JapaneseNormalizer.Normalize(text);
            foreach (var (start, length, isKatakana) in Runs(normalized))
            {
                if (isKatakana && length >= MinLength)
                    katakana.Add(normalized.Substring(start, length));
                else if (!isKatakana)
                    hiragana.Append(normalized, start, length).Append('|');
            }
        }
        var native = Big(hiragana.ToString());
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in katakana)
        {
            var spelling = Big(ToHiragana(word));   // small vowels folded on both sides: うぃるす, せきゅりてぃ
            // A spelling that is a hiragana word of the guidelines' own (「こすと」 is none, 「まま」 would be) is left alone.
            if (spelling.Any(c => c is >= 'ぁ' and <= 'ゖ') && !native.Contains(spelling, StringComparison.Ordinal))
                map.TryAdd(spelling, word);
        }
        return new KanaSpellings(map);
    }

    /// <summary>The normalized question with hiragana spellings of the passages' katakana words in katakana.</summary>
    public string Rewrite(string normalized)
    {
        if (_katakanaOf.Count == 0)
            return normalized;
        StringBuilder? rewritten = null;
        int copied = 0;
        foreach (var (start, length, isKatakana) in Runs(normalized))
        {
            if (isKatakana || length < MinLength)
                continue;
            // Small vowels as the normalizer folds them in katakana (うぃ → うい, like ウィ → ウイ), letter for letter.
            var key = Big(normalized.AsSpan(start, length));
            for (int at = 0; at + MinLength <= length;)
            {
                var found = Longest(key, at);
                if (found is not { } match)
                {
                    at++;
                    continue;
                }
                rewritten ??= new StringBuilder(normalized.Length);
                rewritten.Append(normalized, copied, start + at - copied).Append(match.Katakana);
                at += match.Length;
                // The normalizer drops a trailing ー of a long katakana word (サーバー → サーバ); so does the spelling.
                if (at < length && key[at] == 'ー' && match.Katakana[^1] != 'ー')
                    at++;
                copied = start + at;
            }
        }
        return rewritten is null ? normalized : rewritten.Append(normalized, copied, normalized.Length - copied).ToString();
    }

    private (string Katakana, int Length)? Longest(string run, int at)
    {
        for (int length = Math.Min(_longest, run.Length - at); length >= MinLength; length--)
        {
            if (_katakanaOf.TryGetValue(run.Substring(at, length), out var katakana))
                return (katakana, length);
        }
        return null;
    }

    // Kana runs: katakana words, and hiragana with the long-vowel mark owners type in it (「めーる」).
    private static IEnumerable<(int Start, int Length, bool IsKatakana)> Runs(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            bool katakana = IsKatakanaLetter(text[i]);
            if (!katakana && !IsHiragana(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && (katakana ? IsKatakanaLetter(text[i]) || text[i] == 'ー' : IsHiragana(text[i]) || text[i] == 'ー'))
                i++;
            yield return (start, i - start, katakana);
        }
    }

    private static bool IsHiragana(char c) => c is >= 'ぁ' and <= 'ゖ';

    private static bool IsKatakanaLetter(char c) => c is >= 'ァ' and <= 'ヺ';

    private static string ToHiragana(string katakana) =>
        string.Concat(katakana.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c));

    private static string Big(ReadOnlySpan<char> run)
    {
        var chars = run.ToArray();
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { 'ぁ' => 'あ', 'ぃ' => 'い', 'ぅ' => 'う', 'ぇ' => 'え', 'ぉ' => 'お', _ => chars[i] };
        }
        return new string(chars);
    }
}
