using Mamori.Host.Channels.Rendering;

namespace Mamori.Host.Tests.Channels.Rendering;

public sealed class TextSplitterTests
{
    [Fact]
    public void Short_text_is_one_bubble() =>
        Assert.Equal(["パスワードは12文字以上にしましょう。"], TextSplitter.Split("パスワードは12文字以上にしましょう。", 400));

    [Fact]
    public void Paragraphs_are_packed_together_while_they_fit()
    {
        string text = "一段落目です。\n\n二段落目です。\n\n" + new string('長', 390);
        var bubbles = TextSplitter.Split(text, 400);
        Assert.Equal(["一段落目です。\n\n二段落目です。", new string('長', 390)], bubbles);
    }

    [Fact]
    public void A_paragraph_longer_than_a_bubble_is_cut_at_sentence_ends()
    {
        string sentence = new string('文', 99) + "。";   // 100 characters
        string paragraph = string.Concat(Enumerable.Repeat(sentence, 5));
        var bubbles = TextSplitter.Split(paragraph, 250);
        Assert.Equal([sentence + sentence, sentence + sentence, sentence], bubbles);
    }

    [Fact]
    public void Text_without_any_break_is_cut_hard_and_nothing_is_lost()
    {
        string text = new string('あ', 1000);
        var bubbles = TextSplitter.Split(text, 400);
        Assert.Equal([400, 400, 200], bubbles.Select(b => b.Length));
        Assert.Equal(text, string.Concat(bubbles));
    }

    [Fact]
    public void Empty_text_makes_no_bubble() => Assert.Empty(TextSplitter.Split("  \n ", 400));
}
