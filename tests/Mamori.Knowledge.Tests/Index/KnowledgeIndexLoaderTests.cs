using Mamori.Core;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

public sealed class KnowledgeIndexLoaderTests
{
    private static ContentRoot CopyOfKnowledge()
    {
        var root = new ContentRoot(KnowledgeFixture.TempDirectory());
        Directory.CreateDirectory(root.Docs);
        foreach (var file in Directory.EnumerateFiles(KnowledgeFixture.Content.Docs, "*.md").Take(5))
            File.Copy(file, Path.Combine(root.Docs, Path.GetFileName(file)));
        return root;
    }

    [Fact]
    public void Builds_once_then_loads_the_same_index_from_data()
    {
        var root = CopyOfKnowledge();
        string data = root.Data;
        var built = KnowledgeIndexLoader.LoadOrBuild(root, data);
        string file = Path.Combine(data, KnowledgeIndexLoader.FileName);
        Assert.True(File.Exists(file));
        var writtenAt = File.GetLastWriteTimeUtc(file);

        var loaded = KnowledgeIndexLoader.LoadOrBuild(root, data);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(file));
        Assert.Equal(built.ContentHash, loaded.ContentHash);
        Assert.Equal(built.IndexedChunks.Select(c => c.Chunk), loaded.IndexedChunks.Select(c => c.Chunk));
        Assert.Equal(built.IndexedChunks.SelectMany(c => c.Sparse.Values), loaded.IndexedChunks.SelectMany(c => c.Sparse.Values));
        Assert.Equal(built.Statistics.AverageLength, loaded.Statistics.AverageLength);
    }

    [Fact]
    public void An_edited_document_makes_the_cache_stale()
    {
        var root = CopyOfKnowledge();
        string data = root.Data;
        var before = KnowledgeIndexLoader.LoadOrBuild(root, data);
        var doc = Directory.EnumerateFiles(root.Docs).First();
        File.AppendAllText(doc, "\n## 追記\n量子暗号の話を追加しました。\n");
        var after = KnowledgeIndexLoader.LoadOrBuild(root, data);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.Contains(after.IndexedChunks, c => c.Chunk.Text.Contains("量子暗号"));
    }

    [Fact]
    public void A_corrupt_cache_is_rebuilt_not_trusted()
    {
        var root = CopyOfKnowledge();
        string data = root.Data;
        var good = KnowledgeIndexLoader.LoadOrBuild(root, data);
        string file = Path.Combine(data, KnowledgeIndexLoader.FileName);
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);
        var rebuilt = KnowledgeIndexLoader.LoadOrBuild(root, data);
        Assert.Equal(good.IndexedChunks.Count, rebuilt.IndexedChunks.Count);
    }
}
