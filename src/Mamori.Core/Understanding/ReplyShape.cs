using System.Text.RegularExpressions;

namespace Mamori.Core.Understanding;

/// <summary>
/// What an owner says around the answer and is no part of it, found before the reply is read: the question said back
/// (「伝えていますか…いや、してないですね」), words taken back (「…いや」), someone's words quoted or reported (the answer
/// itself), words in brackets that the reply is only about, and a yen sign. Built once from reading.yaml (speakers,
/// retractions); pure and thread-safe.
/// </summary>
internal sealed partial class ReplyShape
{
    private readonly Regex _correction;
    private readonly Regex _reported;
    private readonly IReadOnlyDictionary<string, string> _marks;

    /// <param name="speakers">Who an answer is reported from (父, 社長 …): 「大丈夫でしょう、と父は言ってます」.</param>
    /// <param name="retractions">Words after いや that take back what was said (違った, やっぱり).</param>
    /// <param name="marks">A reply of nothing but a mark (○, ×, △, 👍, 🙅) → the words it stands for.</param>
    public ReplyShape(IEnumerable<string> speakers, IEnumerable<string> retractions, IReadOnlyDictionary<string, string>? marks = null)
    {
        _marks = (marks ?? new Dictionary<string, string>()).GroupBy(m => Bare(m.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var taken = string.Join('|', retractions.Select(Regex.Escape));
        _correction = new Regex($@"(?:…|\.{{2,}}|[、,。])\s*(?:あ[、,]?\s*)?いや(?:いや)?[、,\s…]*(?:(?:{taken})[、,\s…]*)?", RegexOptions.CultureInvariant);
        var who = string.Join('|', speakers.Select(Regex.Escape));
        _reported = new Regex($@"^(.{{2,40}}?)[、,]?\s*と\s*(?:{who})(?:は|が|も)?\s*(?:言|い)[^、。,.!?！？が]{{0,10}}[。！!…\s]*$", RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The reply without the question said back before the answer (「定期的に見直していますか、ですよね。しとらんです」) and,
    /// on a <paramref name="choice"/> question, without what the owner took back (「言われたことはない…いや去年書類来たな」)
    /// unless he is still torn (「止まる…いや一部かな。どっちやろ」). Counts and amounts keep both: the number before いや is
    /// often part of the one after (「50人…いや、先月2人辞めたで48」).
    /// </summary>
    public string Trimmed(string text, bool choice)
    {
        // 「○」「××」「🙆‍♂️」: the fold drops marks and emoji, so a reply of nothing else becomes the words it stands for.
        var bare = Bare(text);
        if (bare.Length > 0 && _marks.FirstOrDefault(m => bare.Replace(m.Key, "", StringComparison.Ordinal).Length == 0 && bare.Contains(m.Key, StringComparison.Ordinal)) is { Key: not null } mark)
            return mark.Value;
        text = EchoedQuestion().Replace(text, "", 1);
        if (!choice || _correction.Match(text) is not { Success: true } m || m.Index == 0 || m.Index + m.Length >= text.Length
            || new[] { "どっち", "どちら" }.Any(w => text.IndexOf(w, m.Index, StringComparison.Ordinal) >= 0))
            return text;
        return text[(m.Index + m.Length)..];
    }

    // A mark as typed, without what only styles it: spaces, the joiner and the variation selector of emoji, and the
    // gender sign of 🙅‍♀️.
    private static string Bare(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u200D' or '\uFE0F' or '\u2640' or '\u2642')));

    /// <summary>
    /// Someone's words quoted or reported with nothing said after them (「社長は『そんなもん来とらん』って言うてます」,
    /// 「大丈夫でしょう、と父は言ってます」): they are the answer. Null when the reply is not so.
    /// </summary>
    public string? QuotedWords(string text) =>
        (Quoted().Match(text) is { Success: true } quoted ? quoted : _reported.Match(text)) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>「就業規則に一行『情報を漏らさない』って書いてあるだけ」: words in brackets the reply is about are a name, not its yes or no.</summary>
    public static string WithNamesNeutral(string text) => Named().Replace(text, "それ");

    /// <summary>「￥３０，０００くらい/年」: the fold drops the yen sign, so it becomes 円 after the number.</summary>
    public static string WithYenAsUnit(string text) => YenSign().Replace(text, "$1円");

    // 「伝えていますか…」「更新してるかって？」「バックアップですか。」: a polite or progressive form with か, then a pause.
    [GeneratedRegex(@"^\s*[^。！？?!…]{1,40}?(?:ます|です|てる|ている|でる|でいる)(?:か|かって)(?:[、,]?\s*(?:ですよね|ですね|って))?\s*[？?]?\s*(?:って)?(?:[…。、,！!？?]|\.{2,})+\s*(?=\S)")]
    private static partial Regex EchoedQuestion();

    [GeneratedRegex(@"[「『]([^」』]{2,40})[」』]\s*(?:って|と)\s*(?:言|い|ゆ)[^、。,.!?！？が]{0,12}[。！!…\s]*$")]
    private static partial Regex Quoted();

    // 「「後で」ってずっと押してる」: a button's name before 押す・選ぶ is what was done, not a name to set aside.
    [GeneratedRegex(@"[「『][^」』]{1,30}[」』](?=\s*(?:って|と|の|という|っていう)(?!\s*(?:ずっと|いつも|毎回|つい)?\s*(?:押|おし|おす|おさ|クリック|選|えら|タップ)))")]
    private static partial Regex Named();

    [GeneratedRegex(@"[¥￥\\]\s*([0-9０-９][0-9０-９,，.]*)")]
    private static partial Regex YenSign();
}
