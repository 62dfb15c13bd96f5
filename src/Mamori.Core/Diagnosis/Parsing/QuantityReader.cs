using System.Text.RegularExpressions;

namespace Mamori.Core.Diagnosis.Parsing;

/// <summary>
/// Finds the one quantity a reply states, as a range: people for count questions, yen per year for amount questions.
/// Returns null when there is none or when the reply states several that cannot be combined.
/// </summary>
internal static partial class QuantityReader
{
    private static readonly string[] RangeMarks = ["~", "〜", "-", "から"];
    private static readonly string[] Fillers = ["くらい", "ぐらい", "位", "程度", "ほど", "前後", "ちょっと", "です", "人", "名", "にん", "ほどです", "くらいです"];

    /// <summary>People: numbers followed by 人/名 (summed: 「社員5人とパート3人」), or a reply that is only a number (「12」「三十くらい」).</summary>
    public static (decimal Min, decimal Max)? People(string folded)
    {
        var tokens = NumberReader.Read(folded);
        var counted = tokens.Where(t => IsPeopleUnit(folded, t.End)).ToList();
        if (counted.Count == 0)
        {
            if (tokens.Count != 1 || !IsOnlyNumber(folded, tokens[0]))
                return null;
            counted = tokens;
        }
        return Combine(folded, counted, sum: true);
    }

    private static bool IsPeopleUnit(string folded, int at) =>
        at < folded.Length && (folded[at] is '人' or '名' || folded.AsSpan(at).StartsWith("にん", StringComparison.Ordinal));

    /// <summary>Yen per year: numbers with 万/千/億 or followed by 円; 「月」 in the reply (and no 「年」) means per month, so ×12.</summary>
    public static (decimal Min, decimal Max)? YenPerYear(string folded)
    {
        folded = KanaUnits().Replace(folded, m => m.Value switch { "まんえん" => "万円", "まん" => "万", "せんえん" => "千円", _ => "円" });
        var tokens = NumberReader.Read(folded)
            .Where(t => t.HasLargeUnit || (t.End < folded.Length && folded[t.End] == '円'))
            .Select(t => AdjustForBound(folded, t))
            .ToList();
        if (tokens.Count == 0)
            return null;
        var range = Combine(folded, tokens, sum: false);
        if (range is not { } r)
            return null;
        var monthly = folded.Contains('月') && !folded.Contains('年');
        return monthly ? (r.Min * 12, r.Max * 12) : r;
    }

    // 「10万円未満」 means just under 10万, not 10万.
    private static NumberToken AdjustForBound(string folded, NumberToken t)
    {
        var after = folded.AsSpan(t.End).TrimStart("円");
        return after.StartsWith("未満", StringComparison.Ordinal) ? t with { Min = t.Min - 1, Max = t.Max - 1 } : t;
    }

    private static (decimal Min, decimal Max)? Combine(string folded, List<NumberToken> tokens, bool sum)
    {
        if (tokens.Count == 1)
            return (tokens[0].Min, tokens[0].Max);
        if (tokens.Count == 2)
        {
            var between = folded[tokens[0].End..tokens[1].Start];
            if (RangeMarks.Any(m => between.Contains(m, StringComparison.Ordinal)))
                return (tokens[0].Min, tokens[1].Max);
        }
        if (!sum)
            return null;
        return (tokens.Sum(t => t.Min), tokens.Sum(t => t.Max));
    }

    private static bool IsOnlyNumber(string folded, NumberToken token)
    {
        var rest = folded[token.End..];
        var before = folded[..token.Start];
        if (before.Length > 0 && before is not ("約" or "だいたい" or "大体" or "およそ"))
            return false;
        while (rest.Length > 0)
        {
            var filler = Fillers.FirstOrDefault(f => rest.StartsWith(f, StringComparison.Ordinal));
            if (filler is null)
                return false;
            rest = rest[filler.Length..];
        }
        return true;
    }

    // Units typed in kana right after a number: 「10まんえん」「五千えん」. Only after a digit, so 「ありません」 stays as it is.
    [GeneratedRegex("(?<=[0-9〇一二三四五六七八九十百])(まんえん|まん|せんえん)|(?<=[0-9〇一二三四五六七八九十百千万])えん")]
    private static partial Regex KanaUnits();
}
