using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Tests.Documents;

public sealed class ChunkerTests
{
    private static KnowledgeDocument Doc(params DocumentSection[] sections) => new(
        "ransomware-response", "ランサムウェアに感染したら", new DocumentSource("IPA", "https://www.ipa.go.jp/", new DateOnly(2026, 1, 1)),
        new DateOnly(2026, 11, 29), ["measures"], ["knowledge"], "national", "owner", sections, "/k/docs/ransomware-response.md");

    [Fact]
    public void One_passage_per_section_with_title_and_heading_carried_into_the_indexed_text()
    {
        var chunks = Chunker.Chunk(Doc(new DocumentSection("すぐにやること", "LANケーブルを抜きます。"), new DocumentSection("相談先", "IPAに電話します。")));
        Assert.Equal(["ransomware-response#00-1", "ransomware-response#01-1"], chunks.Select(c => c.ChunkId));
        Assert.Equal("すぐにやること", chunks[0].Section);
        Assert.Contains("ランサムウェアに感染したら", chunks[0].IndexedText);
        Assert.Contains("すぐにやること", chunks[0].IndexedText);
    }

    [Fact]
    public void A_long_section_is_split_at_sentence_ends_near_400_characters()
    {
        string sentence = "バックアップは社内のネットワークから切り離した場所にも保管し、定期的に戻せるか確かめてください。";  // ~50 chars
        string body = string.Concat(Enumerable.Repeat(sentence, 20));
        var chunks = Chunker.Chunk(Doc(new DocumentSection("備え", body)));
        Assert.True(chunks.Count >= 2);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 400 + sentence.Length, $"{c.ChunkId} has {c.Text.Length} chars"));
        Assert.All(chunks, c => Assert.EndsWith("。", c.Text));
        Assert.Equal(body.Length, chunks.Sum(c => c.Text.Replace("\n", "").Length));
    }

    [Fact]
    public void Source_lists_are_cited_not_indexed() =>
        Assert.Empty(Chunker.Chunk(Doc(new DocumentSection("出典", "- IPA https://www.ipa.go.jp/"))));

    [Fact]
    public void Chunk_ids_and_point_ids_are_stable_across_runs()
    {
        var first = Chunker.Chunk(Doc(new DocumentSection("すぐにやること", "LANケーブルを抜きます。")));
        var second = Chunker.Chunk(Doc(new DocumentSection("すぐにやること", "LANケーブルを抜きます。")));
        Assert.Equal(first.Select(c => (c.ChunkId, c.PointId)), second.Select(c => (c.ChunkId, c.PointId)));
        Assert.Equal(8, (first[0].PointId.ToByteArray(bigEndian: true)[6] >> 4));   // a valid version-8 UUID
    }
}
