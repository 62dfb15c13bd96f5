using System.Globalization;

namespace Mamori.Core.Understanding;

/// <summary>A number found in folded text: where it is, and its value as a range (「数万」 is 20,000–90,000).</summary>
internal readonly record struct NumberToken(int Start, int End, decimal Min, decimal Max, bool HasLargeUnit);

/// <summary>
/// Reads Arabic and kanji numerals, mixed as people write them: 「10万」「十万」「1万5千」「三十」「二〇」「数万」「十数人」.
/// Pure and allocation-light; used only by count and amount questions (so 「一部」 in a yes/no answer is never a number).
/// </summary>
internal static class NumberReader
{
    public static List<NumberToken> Read(string folded)
    {
        var tokens = new List<NumberToken>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!IsNumberChar(folded[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < folded.Length && IsNumberChar(folded[i]))
                i++;
            // 「なあ…20人」: a dot is a decimal point only inside a number (… folds to ...).
            var end = i;
            while (start < end && folded[start] == '.')
                start++;
            while (end > start && folded[end - 1] == '.')
                end--;
            if (start == end)
                continue;
            var span = folded.AsSpan(start, end - start);
            // 「万が一」「千葉」: a unit alone is a word, not a number (but 「百万」 is one, and so is 「千円」 in 「月千円」).
            if (!span.ContainsAny("0123456789〇零一二三四五六七八九十百数") && !(end < folded.Length && folded[end] == '円'))
                continue;
            if (TryValue(span, upper: false, out var min, out var large) && TryValue(span, upper: true, out var max, out _))
                tokens.Add(new NumberToken(start, end, min, max, large));
        }
        return tokens;
    }

    private static bool IsNumberChar(char c) =>
        c is >= '0' and <= '9' or '.' || "〇零一二三四五六七八九十百千万億数".Contains(c);

    // The lower or the upper end of what was written: 「数」 is 2 or 9, 「五六」 (five or six) 5 or 6.
    private static bool TryValue(ReadOnlySpan<char> s, bool upper, out decimal value, out bool hasLargeUnit)
    {
        var severalAs = upper ? 9 : 2;
        value = 0;
        hasLargeUnit = false;
        decimal total = 0, section = 0;
        decimal? current = null;
        var previousWasKanjiDigit = false;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is >= '0' and <= '9' or '.')
            {
                var start = i;
                while (i < s.Length && s[i] is >= '0' and <= '9' or '.')
                    i++;
                if (!decimal.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var literal))
                    return false;
                current = literal;
                previousWasKanjiDigit = false;
                continue;
            }
            i++;
            var digit = "〇一二三四五六七八九".IndexOf(c);
            if (c == '零')
                digit = 0;
            if (c == '数')
                digit = severalAs;
            if (digit >= 0)
            {
                // 「二〇」 is written positionally; 「二十」 with units. Both occur. Two neighbours (「二三人」「十五六人」) are
                // "two or three", as people say a rough count, not 23.
                if (previousWasKanjiDigit && current is { } lower and >= 1 and <= 8 && digit == lower + 1)
                    current = upper ? digit : lower;
                else
                    current = previousWasKanjiDigit && current is { } before ? before * 10 + digit : digit;
                previousWasKanjiDigit = true;
                continue;
            }
            previousWasKanjiDigit = false;
            switch (c)
            {
                case '十': section += (current ?? 1) * 10; current = null; break;
                case '百': section += (current ?? 1) * 100; current = null; hasLargeUnit = true; break;
                case '千': section += (current ?? 1) * 1000; current = null; hasLargeUnit = true; break;
                case '万' or '億':
                    var unit = c == '万' ? 10_000m : 100_000_000m;
                    var multiplier = section + (current ?? 0);
                    total += (multiplier == 0 ? 1 : multiplier) * unit;
                    section = 0;
                    current = null;
                    hasLargeUnit = true;
                    break;
            }
        }
        value = total + section + (current ?? 0);
        return true;
    }
}
