namespace Mamori.Core.Diagnosis;

/// <summary>
/// What a reply's polarity means for one question, when it names no choice by its words: a plain yes (「取ってます」),
/// a plain no (「用意していません」), yes and no together (「AはやってるけどBはしてない」) and a hedged yes (「一応やってる」).
/// Each is a choice code of the question, or null where the question has no such choice.
/// </summary>
/// <param name="AskBack">Which inferred readings are a guess the owner confirms (see <see cref="InferredAskBack"/>).</param>
/// <param name="AskNoBeside">
/// The no in one clause and another choice named in another (「決まってへん。強いて言えばワシかな」: nobody decided, yet the
/// owner looks after it) is the owner's to say: asked back, the reading as the guess.
/// </param>
public sealed record Polarity(string? Affirmed, string? Denied, string? Mixed = null, string? Hedged = null,
    InferredAskBack AskBack = InferredAskBack.None, bool AskNoBeside = false)
{
    public IEnumerable<string> Codes => new[] { Affirmed, Denied, Mixed, Hedged }.OfType<string>();
}

/// <summary>Readings the bot infers rather than reads off a choice word, asked back instead of recorded (questions.yaml
/// askBack). A plain no stays read in every case.</summary>
public enum InferredAskBack
{
    None,

    /// <summary>A reading weighed across a contrast (「狙われるほどの会社じゃないと思うけど、ゼロではない」); a plain yes
    /// (「あると思います」) is the answer itself (askBack: contrast).</summary>
    Contrast,

    /// <summary>That, and a yes read from the reply's polarity alone: on questions where owners describe what they do in
    /// their own words (「全部おんなじパスワード使っとる」), affirming a sentence is often not affirming the measure
    /// (askBack: true).</summary>
    YesAndContrast,
}
