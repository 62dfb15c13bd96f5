using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mamori.Desk.Cases;

/// <summary>
/// The 受付番号 an owner reads out on the phone: six digits (「123-456」) derived from the case id. Short enough to say,
/// so not unique by itself: the console looks it up among the tenant's open cases, where two alike are very rare and
/// both are shown if they occur.
/// </summary>
public static class CaseReference
{
    public static string Of(string caseId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseId));
        int number = (int)(BitConverter.ToUInt32(hash, 0) % 1_000_000);
        string digits = number.ToString("D6", CultureInfo.InvariantCulture);
        return $"{digits[..3]}-{digits[3..]}";
    }

    /// <summary>What a person typed (「123456」「１２３－４５６」「123 456」) in the canonical form, or null if it is not six digits.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var digits = new StringBuilder(6);
        foreach (char c in typed.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c is not ('-' or ' ' or '−' or 'ー'))
                return null;
        }
        return digits.Length == 6 ? $"{digits.ToString(0, 3)}-{digits.ToString(3, 3)}" : null;
    }
}
