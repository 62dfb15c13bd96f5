using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

public sealed class Bm25EncodingTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]          // FNV-1a 32-bit offset basis
    [InlineData("a", 0xe40c292cu)]         // published FNV-1a test vector
    [InlineData("foobar", 0xbf9cf968u)]
    public void Term_ids_are_FNV1a_32_of_the_UTF8_bytes(string term, uint expected) =>
        Assert.Equal(expected, TermHash.Of(term));

    [Fact]
    public void Japanese_term_ids_do_not_depend_on_the_process() =>
        Assert.Equal(TermHash.Of("認証"), TermHash.Of(new string(['認', '証'])));

    [Fact]
    public void Idf_is_Qdrants_modifier()
    {
        // ln((N − n + 0.5)/(n + 0.5) + 1) with N = 10, n = 2
        Assert.Equal(Math.Log(8.5 / 2.5 + 1), Bm25.Idf(10, 2), 12);
        Assert.True(Bm25.Idf(10, 10) > 0);
    }

    [Fact]
    public void Document_values_are_the_tf_part_with_the_frozen_average_length()
    {
        var vector = Bm25.EncodeDocument(["認証", "認証", "多要"], averageLength: 6, Bm25Parameters.Default);
        int at = Array.IndexOf(vector.Indices, TermHash.Of("認証"));
        // tf = 2, len = 3, avglen = 6: 2·2.2 / (2 + 1.2·(0.25 + 0.75·0.5))
        Assert.Equal(2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 0.5)), vector.Values[at], 5);
        Assert.True(vector.Indices.SequenceEqual(vector.Indices.Order()));
    }

    [Fact]
    public void Query_values_are_the_term_weights()
    {
        var vector = Bm25.EncodeQuery([new("認証", 1f), new("k:ランサムウェア", 0.7f), new("認証", 1f)]);
        Assert.Equal(2, vector.Count);
        Assert.Equal(0.7f, vector.Values[Array.IndexOf(vector.Indices, TermHash.Of("k:ランサムウェア"))]);
    }
}
