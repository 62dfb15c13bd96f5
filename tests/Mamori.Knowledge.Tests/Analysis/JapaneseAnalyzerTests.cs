using Mamori.Knowledge.Analysis;

namespace Mamori.Knowledge.Tests.Analysis;

public sealed class JapaneseAnalyzerTests
{
    private static readonly JapaneseAnalyzer Analyzer = JapaneseAnalyzer.Default;

    [Fact]
    public void Compound_security_terms_become_overlapping_bigrams()
    {
        var terms = Analyzer.Analyze("多要素認証");
        Assert.Equal(["多要", "要素", "素認", "認証"], terms.Where(t => t.Length == 2));
    }

    [Fact]
    public void A_single_kanji_query_can_still_match()
    {
        Assert.Contains("鍵", Analyzer.Analyze("鍵"));
        Assert.Contains("鍵", Analyzer.Analyze("事務所の鍵をかける"));
    }

    [Fact]
    public void Latin_words_and_numbers_stay_whole_and_lower_case()
    {
        var terms = Analyzer.Analyze("MFAは12文字以上のパスワードと一緒に");
        Assert.Contains("mfa", terms);
        Assert.Contains("12", terms);
        Assert.Contains("文字", terms);
    }

    [Fact]
    public void Katakana_words_are_also_indexed_whole() =>
        Assert.Contains("k:パスワード", Analyzer.Analyze("パスワードを変えた"));

    [Fact]
    public void Particles_alone_are_not_terms()
    {
        var terms = Analyzer.Analyze("これは");
        Assert.DoesNotContain("は", terms);
        Assert.Contains("これ", terms);
    }

    [Fact]
    public void Long_vowel_variants_produce_the_same_terms() =>
        Assert.Equal(Analyzer.Analyze("サーバーの更新"), Analyzer.Analyze("ｻｰﾊﾞの更新"));

    [Fact]
    public void Options_change_the_version_so_the_cache_is_rebuilt() =>
        Assert.NotEqual(AnalyzerOptions.Default.Version, (AnalyzerOptions.Default with { Unigrams = false }).Version);
}
