using Mamori.Knowledge.Answering;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>Quoted sentences must read on their own: never cut inside 「…」 or （…）, list marks removed.</summary>
public sealed class SentenceSplitterTests
{
    [Fact]
    public void かっこの中の句点では区切らない() =>
        Assert.Equal(
            ["料金は月額1万円程度です（税込か税抜かは各サービスで要確認。2025年時点）。", "見積もりを取りましょう。"],
            SentenceSplitter.Split("料金は月額1万円程度です（税込か税抜かは各サービスで要確認。2025年時点）。見積もりを取りましょう。"));

    [Fact]
    public void かぎかっこの中の感嘆符では区切らない() =>
        Assert.Equal(
            ["「12文字？それとも8文字？」迷ったら12文字以上にします。"],
            SentenceSplitter.Split("「12文字？それとも8文字？」迷ったら12文字以上にします。"));

    [Fact]
    public void 箇条書きの記号と強調を外す() =>
        Assert.Equal(
            ["電話で確かめる。", "メールに返信しない。"],
            SentenceSplitter.Split("1. **電話**で確かめる。\n- メールに返信しない。"));
}
