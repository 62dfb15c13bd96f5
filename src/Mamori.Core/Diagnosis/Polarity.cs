namespace Mamori.Core.Diagnosis;

/// <summary>
/// What a reply's polarity means for one question, when it names no choice by its words: a plain yes (「取ってます」),
/// a plain no (「用意していません」), yes and no together (「AはやってるけどBはしてない」) and a hedged yes (「一応やってる」).
/// Each is a choice code of the question, or null where the question has no such choice.
/// </summary>
public sealed record Polarity(string? Affirmed, string? Denied, string? Mixed = null, string? Hedged = null)
{
    public IEnumerable<string> Codes => new[] { Affirmed, Denied, Mixed, Hedged }.OfType<string>();
}
