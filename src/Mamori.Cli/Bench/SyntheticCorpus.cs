using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Bench;

/// <summary>
/// A large corpus that looks like ours to the index: each synthetic passage takes a real passage as its template, keeps
/// half of its terms (topical co-occurrence) and draws the rest from the real corpus's term occurrences (so document
/// frequencies follow the real Zipf-like shape). Only sparse vectors and ids are kept: memory stays bounded.
/// </summary>
internal static class SyntheticCorpus
{
    public static List<IndexedChunk> Generate(KnowledgeIndex real, int size, int seed)
    {
        var random = new Random(seed);
        var templates = real.IndexedChunks;
        // Term pool weighted by document frequency: drawing from it reproduces the real df distribution.
        var pool = templates.SelectMany(c => c.Sparse.Indices).ToArray();
        var chunks = new List<IndexedChunk>(size);
        var picked = new Dictionary<uint, float>();
        for (int i = 0; i < size; i++)
        {
            var template = templates[random.Next(templates.Count)].Sparse;
            picked.Clear();
            for (int t = 0; t < template.Count; t++)
            {
                if (random.Next(2) == 0)
                    picked[template.Indices[t]] = template.Values[t];
                else
                    picked[pool[random.Next(pool.Length)]] = template.Values[t];
            }
            var chunk = new KnowledgeChunk($"synthetic#{i:D6}-1", "synthetic", "", "", "", "national", "https://example.org/", "synthetic");
            chunks.Add(new IndexedChunk(chunk, SparseVector.From(picked)));
        }
        return chunks;
    }
}
