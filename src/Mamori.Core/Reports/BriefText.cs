using System.Text;

namespace Mamori.Core.Reports;

/// <summary>
/// Shortens a catalog sentence run (eligibility note, cost) to what fits in a phone report: whole sentences only, never
/// a cut mid-sentence, and always at least the first one. The full text stays behind the measure's link.
/// </summary>
internal static class BriefText
{
    /// <summary>About four lines on a phone: enough for Tokyo's 本店・支店 and ★★ conditions once asides are dropped.</summary>
    public const int ConditionBudget = 100;

    /// <summary>About three lines: the rate and ceiling of a subsidy, or 「無料」 with its one aside.</summary>
    public const int CostBudget = 60;

    /// <summary>
    /// The main conditions: bracketed asides (who else qualifies, what a term means) are dropped, since the line is
    /// labelled 主な条件 and the link has the rest.
    /// </summary>
    public static string Condition(string note) => Take(Sentences(note).Select(WithoutAsides), ConditionBudget);

    /// <summary>Cost sentences keep their asides: 「無料（報告は義務です）」 and 「融資（返済が必要です）」 need them.</summary>
    public static string Cost(string cost) => Take(Sentences(cost), CostBudget);

    private static string Take(IEnumerable<string> sentences, int budget)
    {
        var sb = new StringBuilder();
        foreach (var sentence in sentences.Where(s => s.Length > 0))
        {
            if (sb.Length > 0 && sb.Length + sentence.Length > budget)
                break;
            sb.Append(sentence);
        }
        return sb.ToString();
    }

    /// <summary>Splits after each 。 that is not inside brackets or quotes.</summary>
    internal static IEnumerable<string> Sentences(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '（' or '(' or '「' or '『':
                    depth++;
                    break;
                case '）' or ')' or '」' or '』':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '。' when depth == 0:
                    yield return text[start..(i + 1)].Trim();
                    start = i + 1;
                    break;
            }
        }
        if (start < text.Length)
            yield return text[start..].Trim();
    }

    /// <summary>Removes （…） and (…) with what they hold; quotes 「…」 are kept, they name things.</summary>
    internal static string WithoutAsides(string sentence)
    {
        var sb = new StringBuilder(sentence.Length);
        int depth = 0;
        foreach (var c in sentence)
        {
            if (c is '（' or '(')
                depth++;
            else if (c is '）' or ')' && depth > 0)
                depth--;
            else if (depth == 0)
                sb.Append(c);
        }
        return sb.ToString();
    }
}
