using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Host.Desk.Live;

/// <summary>Reading what an owner typed to the desk's questions: a rating, a phone number, an email address, a button.</summary>
internal static partial class OwnerReplies
{
    /// <summary>Width and case folded, spaces removed: 「０３ー１２３４ー５６７８」 reads as 03-1234-5678.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
                continue;
            folded.Append(c is 'ー' or '−' or '‐' or '―' ? '-' : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    /// <summary>1–5 from 「5」「５」「4 満足」 or the label itself; null for anything else.</summary>
    public static int? Rating(string text, IReadOnlyList<string> labels)
    {
        string folded = Fold(text);
        for (int i = 0; i < labels.Count; i++)
        {
            if (folded == Fold(labels[i]) && labels[i].Length > 0 && labels[i][0] is >= '1' and <= '5')
                return labels[i][0] - '0';
        }
        return folded.Length == 1 && folded[0] is >= '1' and <= '5' ? folded[0] - '0' : null;
    }

    /// <summary>A Japanese phone number (10 or 11 digits from 0, hyphens allowed), as typed; null if not one.</summary>
    public static string? Phone(string text)
    {
        string folded = Fold(text);
        return PhonePattern().IsMatch(folded) && folded.Count(char.IsAsciiDigit) is 10 or 11 ? folded : null;
    }

    public static string? Email(string text)
    {
        string folded = text.Trim().Normalize(NormalizationForm.FormKC);
        return folded.Length <= 254 && EmailPattern().IsMatch(folded) ? folded : null;
    }

    public static bool Is(string text, string label) => Fold(text) == Fold(label);

    [GeneratedRegex("^0[0-9]{1,4}-?[0-9]{1,4}-?[0-9]{3,4}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();
}
