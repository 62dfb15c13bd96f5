using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Core.Text;

/// <summary>
/// Replaces personal data in an owner's Japanese free text with a placeholder (〔電話番号〕, 〔氏名〕 …) before the text is
/// logged or sent to a model. It errs on the side of redacting: a lost phone-like number costs an answer little, a
/// leaked one cannot be taken back. Counts, dates and amounts (「従業員10人」「2026年12月」「30万円」) stay as written.
/// </summary>
public static partial class PiiRedactor
{
    public const string Phone = "〔電話番号〕";
    public const string Email = "〔メール〕";
    public const string PostalCode = "〔郵便番号〕";
    public const string Address = "〔住所〕";
    public const string MyNumber = "〔個人番号〕";
    public const string CardNumber = "〔カード番号〕";
    public const string Name = "〔氏名〕";

    // Nouns that take さん/様 but name a role, not a person (「お客様」「業者さん」「ベンダーさん」): kept.
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "子", "皆", "客", "神", "奥", "王", "姉", "兄", "母", "父", "ベンダー", "メーカー", "ユーザー", "オーナー", "スタッフ", "パート",
        "バイト", "アルバイト", "エンジニア", "メンバー", "クライアント", "プロ", "ゲスト", "サポート", "お客", "みな", "みんな",
    };

    private const string RoleEndings = "長者士先社員客店所部課局屋方様家院会庁署校殿業側元";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        string result = EmailPattern().Replace(text, Email);
        result = PostalPattern().Replace(result, PostalCode);
        result = AddressPattern().Replace(result, Address);
        result = NumberRunPattern().Replace(result, NumberRun);
        return NamePattern().Replace(result, NameMatch);
    }

    /// <summary>A run of digits and separators, judged by how many digits it holds (a phone has 10–11 and starts with 0).</summary>
    private static string NumberRun(Match match)
    {
        var digits = new StringBuilder(match.Length);
        foreach (char c in match.Value)
        {
            if (c is >= '0' and <= '9')
                digits.Append(c);
            else if (c is >= '０' and <= '９')
                digits.Append((char)('0' + (c - '０')));
        }
        bool international = match.Value.StartsWith('+') || match.Value.StartsWith('＋');
        string d = international && digits.ToString().StartsWith("81", StringComparison.Ordinal) ? "0" + digits.ToString(2, digits.Length - 2) : digits.ToString();
        return d.Length switch
        {
            10 or 11 when d[0] == '0' => Phone,
            12 => MyNumber,
            >= 13 and <= 19 => CardNumber,
            _ => match.Value,
        };
    }

    private static string NameMatch(Match match) =>
        RoleWords.Contains(match.Groups["name"].Value) || (match.Groups["name"].Value.Length > 1 && RoleEndings.Contains(match.Groups["name"].Value[^1]))
            ? match.Value
            : Name + match.Groups["honorific"].Value;

    [GeneratedRegex(@"[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９．＿]+[@＠][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９－]+(?:[.．][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９－]+)+")]
    private static partial Regex EmailPattern();

    // 〒 with or without a space, or the bare 3-4 shape (「123-4567」) that nothing else in a chat has.
    [GeneratedRegex(@"〒\s*[0-9０-９]{3}[\-‐－ー−]?[0-9０-９]{4}|(?<![0-9０-９\-‐－ー−])[0-9０-９]{3}[\-‐－ー−][0-9０-９]{4}(?![0-9０-９\-‐－ー−])")]
    private static partial Regex PostalPattern();

    // A town (…市/区/町/村/郡 …) followed by a block number (「2丁目」「3番地」「1-2-3」): a prefecture alone, or 「市内に3店舗」, is not an address.
    [GeneratedRegex(@"(?:北海道|東京都|京都府|大阪府|[\p{IsCJKUnifiedIdeographs}]{2,3}県)?[\p{IsCJKUnifiedIdeographs}々ァ-ヶー]{1,8}?[市区町村郡][\p{IsCJKUnifiedIdeographs}々ァ-ヶーのノヶケ]{0,12}?[0-9０-９一二三四五六七八九十]+(?:丁目|番地|[\-‐－ー−][0-9０-９]+)(?:[0-9０-９\-‐－ー−番地号のー]*)")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"(?:[+＋][0-9０-９]{1,3}[\s\-‐－ー−]*)?[(（]?[0-9０-９](?:[0-9０-９\-‐‑－ー−―()（）]|[ 　](?=[0-9０-９])){6,24}[0-9０-９]")]
    private static partial Regex NumberRunPattern();

    // A family name (kanji, or katakana), optionally with a given name after a space, before an honorific;
    // not before 「ちゃんと」 (properly): 「セキュリティちゃんとしてる」 names nobody.
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}々ァ-ヶー])(?<name>[\p{IsCJKUnifiedIdeographs}々]{1,4}(?:[ 　][\p{IsCJKUnifiedIdeographs}々]{1,4})?|[ァ-ヶー]{2,10}(?:[ 　・][ァ-ヶー]{2,10})?)(?<honorific>さん|様|さま|殿|くん|君|ちゃん(?!と))")]
    private static partial Regex NamePattern();
}
