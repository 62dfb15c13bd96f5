using System.Globalization;
using Mamori.Knowledge.Analysis;

namespace Mamori.Knowledge.Tests.Analysis;

public sealed class JapaneseNormalizerTests
{
    [Fact]
    public void Runtime_has_ICU_globalization_so_NFKC_is_not_silently_skipped()
    {
        // Under invariant globalization .NET returns the input unchanged: every half-width query would then miss.
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out bool invariant) && invariant,
            "InvariantGlobalization is on: Japanese normalization would silently do nothing.");
        Assert.NotEqual(string.Empty, CultureInfo.GetCultureInfo("ja-JP").DateTimeFormat.GetEraName(1));
        JapaneseNormalizer.EnsureNormalizationWorks();
    }

    [Theory]
    [InlineData("ｾｷｭﾘﾃｨ", "セキュリティ")]          // half-width kana → full width
    [InlineData("ＵＳＢメモリ", "usbメモリ")]           // full-width Latin → ASCII, lower case
    [InlineData("サーバー", "サーバ")]                  // trailing long vowel on a 4+ katakana word
    [InlineData("コンピューター", "コンピュータ")]
    [InlineData("コピー", "コピー")]                    // 3 characters: kept, like Kuromoji's stemmer
    [InlineData("サーバ－を更新", "サーバを更新")]      // full-width dash typed for ー
    [InlineData("ウィルス", "ウイルス")]                // small vowel variant meets the usual spelling
    [InlineData("ヴァイオリン", "バイオリン")]
    [InlineData("㈱まもり", "(株)まもり")]
    public void Folds_spelling_variants_onto_one_form(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.Normalize(input));

    [Fact]
    public void Half_width_katakana_gives_the_same_form_as_full_width() =>
        Assert.Equal(JapaneseNormalizer.Normalize("セキュリティ"), JapaneseNormalizer.Normalize("ｾｷｭﾘﾃｨ"));
}
