using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Bench;

/// <summary>
/// A large corpus that looks like ours to both engines: each synthetic passage takes a real passage as its template,
/// keeps about half of its sentences (topical co-occurrence) and fills the rest with sentences drawn from anywhere in the
/// real corpus (so term frequencies follow the real Zipf-like shape). Real text, so our index and Lucene.Net index the
/// very same passages.
/// </summary>
internal static class SyntheticCorpus
{
    public static List<KnowledgeChunk> Generate(KnowledgeIndex real, int size, int seed)
    {
        var random = new Random(seed);
        var templates = real.IndexedChunks.Select(c => c.Chunk).ToList();
        var split = templates.Select(t => t.Text.Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var pool = split.SelectMany(s => s).ToArray();
        var chunks = new List<KnowledgeChunk>(size);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < size; i++)
        {
            int t = random.Next(templates.Count);
            text.Clear();
            foreach (var sentence in split[t])
                text.Append(random.Next(2) == 0 ? sentence : pool[random.Next(pool.Length)]).Append('。');
            var template = templates[t];
            chunks.Add(new KnowledgeChunk($"synthetic#{i:D6}-1", $"synthetic-{i % 500}", template.Title, template.Section, text.ToString(),
                "national", "https://example.org/", "synthetic"));
        }
        return chunks;
    }
}
