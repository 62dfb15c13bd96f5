namespace Mamori.Core.Diagnosis;

/// <summary>
/// What a reply's polarity means for one question, when it names no choice by its words: a plain yes (「取ってます」),
/// a plain no (「用意していません」), yes and no together (「AはやってるけどBはしてない」) and a hedged yes (「一応やってる」).
/// Each is a choice code of the question, or null where the question has no such choice.
/// </summary>
/// <param name="AskBack">
/// A yes read from the reply's polarity alone (no choice word named), or a reading weighed across a contrast, is a guess
/// the owner confirms: on questions where owners describe what they do in their own words (「全部おんなじパスワード
/// 使っとる」), affirming a sentence is often not affirming the measure. A plain no stays read.
/// </param>
/// <param name="AskContrast">
/// Only a reading weighed across a contrast is asked back (「狙われるほどの会社じゃないと思うけど、ゼロではない」); a plain yes
/// (「あると思います」) is the answer itself.
/// </param>
/// <param name="AskNoBeside">
/// The no in one clause and another choice named in another (「決まってへん。強いて言えばワシかな」: nobody decided, yet the
/// owner looks after it) is the owner's to say: asked back, the reading as the guess.
/// </param>
public sealed record Polarity(string? Affirmed, string? Denied, string? Mixed = null, string? Hedged = null, bool AskBack = false, bool AskNoBeside = false, bool AskContrast = false)
{
    public IEnumerable<string> Codes => new[] { Affirmed, Denied, Mixed, Hedged }.OfType<string>();
}
