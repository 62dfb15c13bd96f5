namespace Mamori.Knowledge.Analysis;

/// <summary>
/// Which terms the analyzer emits from normalized text. The defaults are the variant that scored best on knowledge/eval;
/// the others stay selectable so `mamori eval --variants` can re-run the comparison (Evaluation/EvalSystems.cs).
/// </summary>
public sealed record AnalyzerOptions
{
    /// <summary>Adjacent-character pairs inside a CJK run (the CJKAnalyzer view).</summary>
    public bool Bigrams { get; init; } = true;

    /// <summary>Single CJK characters too, so one-character words (鍵, 網) can match.</summary>
    public bool Unigrams { get; init; } = true;

    /// <summary>Whether a bigram may straddle a script change (漢字↔ひらがな↔カタカナ), as CJKBigramFilter does.</summary>
    public bool CrossScriptBigrams { get; init; } = true;

    /// <summary>Whole katakana runs (2+ chars) as one term (ランサムウェア), on top of their bigrams.</summary>
    public bool KatakanaWords { get; init; } = true;

    /// <summary>Whether pure-hiragana unigrams (の, は, を) are emitted; they are particles far more often than words.</summary>
    public bool HiraganaUnigrams { get; init; }

    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Part of the index cache key: any change to the emitted terms must change this string.</summary>
    public string Version =>
        $"ja-4;b{(Bigrams ? 1 : 0)}u{(Unigrams ? 1 : 0)}x{(CrossScriptBigrams ? 1 : 0)}k{(KatakanaWords ? 1 : 0)}h{(HiraganaUnigrams ? 1 : 0)}";
}
