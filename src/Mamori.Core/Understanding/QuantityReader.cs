using System.Text.RegularExpressions;

namespace Mamori.Core.Understanding;

/// <summary>The words around numbers, from knowledge/diagnosis/reading.yaml (<c>quantities</c>), folded.</summary>
/// <param name="Owners">The owner speaking of themself (「社長の私と従業員5名」 is six people).</param>
/// <param name="Staff">Words for employees, which the owner is not counted in.</param>
/// <param name="Persons">Words for one person (わし, 嫁, 息子, バイトの子 …), for people listed without a number.</param>
/// <param name="Joins">Words between two counts that add them up (「と」「＋」); <paramref name="NotJoins"/> overrule them (「とき」).</param>
/// <param name="Rough">Words that make a number a rough one (くらい, 前後, 約): on a band's edge it could be either band.</param>
/// <param name="Under">After a number: just under it (未満, 弱, 「十万はいかん」).</param>
/// <param name="Over">After a number: just over it (超, ちょっと, 強).</param>
/// <param name="AtLeast">After a number: it or more (以上).</param>
/// <param name="Around">After a number: either side of it (前後).</param>
/// <param name="Irregular">Staff who may or may not be counted (パート, 非常勤, フリーランス): beside regular staff, two counts.</param>
/// <param name="IfTotals">Of the totals, those said as a condition (入れたら, 含めると): the owner offers two counts.</param>
/// <param name="Actually">Before a later amount, what is really so (実際は, 本当は): the amounts said before it were not.</param>
/// <param name="Seasonal">Before a later count, a busy season (繁忙期): the count then is a second answer.</param>
internal sealed record QuantityWords(string[] RangeMarks, string[] Fillers, string[] Approximately, string[] Owners, string[] Staff, string[] Joins, string[] NotJoins, string[] Persons, string[] Totals, string[] Rough,
    string[] Under, string[] Over, string[] AtLeast, string[] Around, string[] IfTotals, string[] Actually, string[] Seasonal,
    string[] Irregular);

/// <summary>
/// Finds the one quantity a reply states, as a range: people for count questions, yen per year for amount questions.
/// Returns null when there is none or when the reply states several that cannot be combined.
/// </summary>
internal sealed partial class QuantityReader(QuantityWords words)
{
    private string[] RangeMarks => words.RangeMarks;

    /// <summary>「十万くらい」「20人前後」: the number was given roughly.</summary>
    public bool IsRough(string folded) => words.Rough.Any(w => folded.Contains(w, StringComparison.Ordinal));

    /// <summary>People: numbers followed by 人/名 (summed: 「社員5人とパート3人」), or a reply that is only a number (「12」「三十くらい」).</summary>
    public (decimal Min, decimal Max)? People(string folded)
    {
        folded = KanaPeople().Replace(InKanjiNumerals(folded), m => m.Groups[1].Success ? "名" : m.Value == "ひとり" ? "1人" : "2人");
        var tokens = NumberReader.Read(folded);
        if (tokens.Count == 0)
            return Listed(folded);
        // 「5〜6人」: a number joined by a range mark to a count of people counts too.
        // 「正社員十二、パート八」「正社員が30」: a number right after a word for staff (and が・は・も) counts people without 人.
        var counted = tokens.Where((t, i) => IsPeopleUnit(folded, t.End) || AfterStaff(folded[..t.Start])
            || (i + 1 < tokens.Count && IsPeopleUnit(folded, tokens[i + 1].End)
                && RangeMarks.Any(m => folded[t.End..tokens[i + 1].Start].Contains(m, StringComparison.Ordinal)))).ToList();
        if (counted.Count == 0)
        {
            if (tokens.Count != 1 || !IsOnlyNumber(folded, tokens[0]))
                return null;
            counted = tokens;
        }
        // 「従業員20人、うち正社員5人」: a count after 「うち」 is part of the one before it, not more people.
        counted = counted.Where((t, i) => i == 0 || !IsPartOfBefore(folded[counted[i - 1].End..t.Start])).ToList();
        counted = counted.Select(t => AdjustForBound(folded, t)).ToList();
        // 「社員は8人、繁忙期はバイトが30人くらい入ります」: a count for a busy season is a second answer, as a range with the count
        // before it (asked back where the two fall in different bands).
        var season = words.Seasonal.Select(w => folded.IndexOf(w, StringComparison.Ordinal)).Where(at => at > 0).DefaultIfEmpty(-1).Min();
        if (season > 0 && counted[0].End <= season && counted.Any(t => t.Start > season))
            return (counted[0].Min, counted.Sum(t => t.Max));
        // 「スタッフ4人と私で5人」「社員3人、パート入れて8人」: a later number said as the total is the answer, not one more part.
        if (counted.Skip(1).LastOrDefault(t => words.Totals.Any(w => folded[..t.Start].EndsWith(w, StringComparison.Ordinal))) is { Max: > 0 } said)
        {
            // 「正社員は十五人、パートさん入れたら二十五人」: a total said as a condition is one of two counts the owner offers:
            // both, as a range (across two bands it is asked back; within one it is that band).
            var offered = words.IfTotals.Any(w => folded[..said.Start].EndsWith(w, StringComparison.Ordinal)) && counted[0].Max < said.Min;
            return offered ? (counted[0].Min, said.Max) : (said.Min, said.Max);
        }
        var total = Combine(folded, counted, sum: true);
        if (total is { } t && CountsTheOwnerApart(folded, counted[0]))
            return (t.Min + 1, t.Max + 1);
        // 「正社員8人、アルバイトは15人くらい」「常勤12名、非常勤のヘルパーさんが30名」: regular staff first, then staff who may or may
        // not be counted: the regular count and the sum are two answers (asked back where they fall in two bands; the
        // question's help says to count part-timers, and labellers split between the sum and AMBIGUOUS).
        if (total is { } sum && counted.Count >= 2 && RegularBeforeIrregular(folded, counted) is { Max: > 0 } regular && regular.Max < sum.Max)
            return (regular.Min, sum.Max);
        return total;
    }

    // The count said last before the first word for irregular staff, when no irregular staff come before it.
    private NumberToken? RegularBeforeIrregular(string folded, List<NumberToken> counted)
    {
        var irregular = words.Irregular.Select(w => folded.IndexOf(w, StringComparison.Ordinal)).Where(at => at >= 0).DefaultIfEmpty(-1).Min();
        return irregular < 0 ? null : counted.LastOrDefault(t => t.End <= irregular);
    }

    private bool AfterStaff(string before)
    {
        var bare = before.Length > 0 && before[^1] is 'が' or 'は' or 'も' ? before[..^1] : before;
        return words.Staff.Any(s => bare.EndsWith(s, StringComparison.Ordinal));
    }

    private static bool IsPartOfBefore(string between) =>
        between.Contains("うち", StringComparison.Ordinal) && !between.Contains("うちは", StringComparison.Ordinal) && !between.Contains("うちの", StringComparison.Ordinal);

    // 「わしと嫁はんとバイトの子」: people named one by one, joined by と, with no number at all.
    private (decimal Min, decimal Max)? Listed(string folded)
    {
        if (!folded.Contains('と'))
            return null;
        // Longest first, none inside another (「バイト」 holds a と of its own, 「嫁はん」 holds 「嫁」).
        var taken = new bool[folded.Length];
        var count = 0;
        foreach (var person in words.Persons.OrderByDescending(p => p.Length))
        {
            for (var at = folded.IndexOf(person, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(person, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, person.Length).Contains(true))
                    continue;
                taken.AsSpan(at, person.Length).Fill(true);
                count++;
            }
        }
        return count >= 2 ? (count, count) : null;
    }

    // 「社長の私と従業員5名」「自分とパート3人」: the owner named before 「と」 and the number counting staff only.
    private bool CountsTheOwnerApart(string folded, NumberToken first)
    {
        var before = folded[..first.Start];
        var and = before.LastIndexOf('と');
        return and > 0 && words.Owners.Any(o => before[..and].Contains(o, StringComparison.Ordinal))
               && words.Staff.Any(s => before[and..].Contains(s, StringComparison.Ordinal));
    }

    private static bool IsPeopleUnit(string folded, int at) =>
        at < folded.Length && (folded[at] is '人' or '名' || folded.AsSpan(at).StartsWith("にん", StringComparison.Ordinal));

    /// <summary>Yen per year: numbers with 万/千/億 or followed by 円; 「月」 just before the amounts, or in a reply with no 「年」,
    /// means per month, so ×12.</summary>
    public (decimal Min, decimal Max)? YenPerYear(string folded)
    {
        // 「０」 alone to the budget question is no money, not a count of something.
        if (folded is "0" or "0円")
            return (0, 0);
        folded = KanaUnits().Replace(InKanjiNumerals(folded), m => m.Value switch { "まんえん" => "万円", "まん" => "万", "せんえん" => "千円", _ => "円" });
        var numbers = NumberReader.Read(folded);
        bool IsAmount(NumberToken t) => t.HasLargeUnit || (t.End < folded.Length && folded[t.End] == '円');
        var tokens = numbers.Where(IsAmount).Select(t => AdjustForBound(folded, t)).ToList();
        if (tokens.Count == 0)
            return null;
        // 「1台5,000円で15台分なので、7万5千円くらい」: a price times a count said beside it is the owner working out the total.
        if (tokens.Count > 1 && tokens.MaxBy(t => t.Max) is var total
            && tokens.Where(t => t != total).All(price => numbers.Any(n => !IsAmount(n) && n.Min == n.Max && n.Max > 1 && price.Max * n.Max == total.Max)))
            tokens = [total];
        // 「年100万！って言えたらかっこいいけど、実際は数万円」: what is really spent comes after 実際は.
        var actually = words.Actually.Select(w => folded.LastIndexOf(w, StringComparison.Ordinal)).Max();
        if (actually > 0 && tokens.Any(t => t.Start > actually) && tokens.Any(t => t.Start < actually))
            tokens = tokens.Where(t => t.Start > actually).ToList();
        // 「1台3万のソフトを3台分で、年9万」: of several amounts, the one said per year is the answer.
        var perYear = tokens.Where(t => t.Start > 0 && folded[..t.Start].EndsWith('年')).ToList();
        var perMonth = tokens.Any(t => t.Start > 0 && folded[..t.Start].EndsWith('月'));
        // 「年12万、月1万」 stays two answers to ask about, unless the month's comes first and the year's is it times twelve, the
        // owner working it out (「月2万なので、年24万」).
        if (tokens.Count > 1 && perYear.Count == 1
            && (!perMonth || tokens.Except(perYear).All(t => t.End <= perYear[0].Start && Math.Abs(t.Max * 12 - perYear[0].Max) <= perYear[0].Max / 5)))
            tokens = perYear;
        var range = Combine(folded, tokens, sum: false);
        if (range is not { } r)
            return null;
        // 「月1万5千円」: 月 just before every amount is per month even when 年 is said elsewhere (「去年入れて、月…」).
        var monthly = tokens.All(t => t.Start > 0 && folded[..t.Start].EndsWith('月'))
                      || (folded.Contains('月') && !folded.Contains('年'));
        return monthly ? (r.Min * 12, r.Max * 12) : r;
    }

    // 「10万円未満」「五十万弱」 are just under the number, 「５０人は超えとる」「30人以上」 over it, 「20人前後」 either side
    // (reading.yaml quantities: under, over, atLeast, around).
    private NumberToken AdjustForBound(string folded, NumberToken t)
    {
        var after = folded.AsSpan(t.End).TrimStart("円").TrimStart("人").TrimStart("名").TrimStart("は").TrimStart("を").TrimStart("はをもに");
        if (StartsWithAny(after, words.Under))
            return t with { Min = Math.Max(0, t.Min * 0.9m), Max = t.Max - 1 };
        if (StartsWithAny(after, words.AtLeast))
            return t with { Max = t.Max * 1.3m };
        if (StartsWithAny(after, words.Over))
            return t with { Min = t.Min + 1, Max = t.Max * 1.3m };
        if (StartsWithAny(after, words.Around))
            return t with { Min = t.Min * 0.8m, Max = t.Max * 1.2m };
        return t;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] list)
    {
        foreach (var word in list)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private (decimal Min, decimal Max)? Combine(string folded, List<NumberToken> tokens, bool sum)
    {
        if (tokens.Count == 1)
            return (tokens[0].Min, tokens[0].Max);
        if (tokens.Count == 2)
        {
            var between = folded[tokens[0].End..tokens[1].Start];
            // 「二万ぐらいだったか三万だったか」「2万か3万」: one or the other is a range too.
            if (RangeMarks.Any(m => between.Contains(m, StringComparison.Ordinal)) || between.EndsWith('か'))
                return (Math.Min(tokens[0].Min, tokens[1].Min), Math.Max(tokens[0].Max, tokens[1].Max));
        }
        if (!sum)
            return null;
        // 「社員5人とパート3人」 adds up; 「10人のときも30人のときもある」 is a range of two answers, not 40 people.
        var joins = Enumerable.Range(0, tokens.Count - 1).Select(i => folded[tokens[i].End..tokens[i + 1].Start]).ToList();
        // 「常勤30名、非常勤15名」: a word for staff between two counts lists them too.
        if (joins.All(j => (words.Joins.Any(m => j.Contains(m, StringComparison.Ordinal)) || words.Staff.Any(m => j.Contains(m, StringComparison.Ordinal)))
                           && !words.NotJoins.Any(m => j.Contains(m, StringComparison.Ordinal))))
            return (tokens.Sum(t => t.Min), tokens.Sum(t => t.Max));
        return (tokens.Min(t => t.Min), tokens.Max(t => t.Max));
    }

    private bool IsOnlyNumber(string folded, NumberToken token)
    {
        var rest = folded[token.End..];
        var before = folded[..token.Start];
        if (before.Length > 0 && !words.Approximately.Contains(before))
            return false;
        while (rest.Length > 0)
        {
            var filler = words.Fillers.FirstOrDefault(f => rest.StartsWith(f, StringComparison.Ordinal));
            if (filler is null)
                return false;
            rest = rest[filler.Length..];
        }
        return true;
    }

    // 「じゅうご」「さんじゅうまん」「ななじゅうめい」: a number typed in kana, as kanji numerals for NumberReader. A digit alone
    // (「に」「ご」「さん」) only right before a unit: elsewhere it is a particle or part of a word (「社員に」).
    private static string InKanjiNumerals(string folded) =>
        folded.Any(char.IsAsciiDigit) ? folded : KanaNumber().Replace(folded, m =>
        {
            if (m.Length == 0 || (!m.Value.Contains("じゅう") && !m.Value.Contains("ゃく") && !KanaUnit().IsMatch(folded, m.Index + m.Length)))
                return m.Value;
            var kanji = m.Value;
            foreach (var (kana, numeral) in KanaNumerals)
                kanji = kanji.Replace(kana, numeral, StringComparison.Ordinal);
            return kanji;
        });

    private static readonly (string Kana, string Numeral)[] KanaNumerals =
    [
        ("びゃく", "百"), ("ぴゃく", "百"), ("ひゃく", "百"), ("じゅう", "十"), ("きゅう", "九"), ("いち", "一"), ("さん", "三"), ("よん", "四"),
        ("ろく", "六"), ("なな", "七"), ("しち", "七"), ("はち", "八"), ("に", "二"), ("ご", "五"),
    ];

    [GeneratedRegex("(?<=^|[^ぁ-ゖ]|やく|およそ|だいたい|ざっと)(?:(?:さん|よん|ご|ろく|なな|はち|きゅう)?(?:ひゃく|びゃく|ぴゃく))?(?:(?:に|さん|よん|ご|ろく|なな|はち|きゅう)?じゅう)?(?:いち|に|さん|よん|ご|ろく|なな|しち|はち|きゅう)?(?=にん|めい|まん|えん|人|名|万|円|くらい|ぐらい|ほど|ぜんご|前後|$|[^ぁ-ゖ])")]
    private static partial Regex KanaNumber();

    [GeneratedRegex("\\G(にん|めい|まん|えん|人|名|万|円)")]
    private static partial Regex KanaUnit();

    // 「七十めい」: 名 typed in kana after a number; 「ふたり」 is two people.
    [GeneratedRegex("(?<=[0-9〇一二三四五六七八九十百])(めい)|(?<![ぁ-ゖ])(?:ひとり|ふたり)")]
    private static partial Regex KanaPeople();

    // Units typed in kana right after a number: 「10まんえん」「五千えん」. Only after a digit, so 「ありません」 stays as it is.
    [GeneratedRegex("(?<=[0-9〇一二三四五六七八九十百])(まんえん|まん|せんえん)|(?<=[0-9〇一二三四五六七八九十百千万])えん")]
    private static partial Regex KanaUnits();
}
