using Mamori.Core.Text;

namespace Mamori.Core.Tests.Text;

public sealed class PhrasesTests
{
    // A word inside a longer phrase that means something else is no occurrence of its own; beside it, it is.
    [Theory]
    [InlineData("くらいあんと", "くらい", "くらいあんと", true)]    // クライアント holds くらい
    [InlineData("かなり重い", "かな", "かなり", true)]
    [InlineData("そうかな、かなり", "かな", "かなり", false)]      // the first かな stands alone
    [InlineData("line公式アカウント", "アカウント", "公式アカウント", true)]
    [InlineData("店のアカウント", "アカウント", "公式アカウント", false)]
    [InlineData("公式", "公式", "公式アカウント", false)]        // a phrase that is not there covers nothing
    public void A_word_counts_only_outside_the_phrases_that_hold_it(string text, string word, string phrase, bool inside)
    {
        var at = Phrases.Occurrences(text, word).First();
        Assert.Equal(inside, Phrases.IsInside(text, at, at + word.Length, [phrase]));
    }

    [Fact]
    public void Overlapping_occurrences_are_all_found() =>
        Assert.Equal([0, 1, 2], Phrases.Occurrences("ああああ", "ああ"));
}
