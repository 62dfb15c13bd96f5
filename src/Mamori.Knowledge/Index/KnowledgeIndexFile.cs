using System.Text;
using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Index;

/// <summary>
/// The compact binary cache of a <see cref="KnowledgeIndex"/> (data/knowledge-index.bin): passages, their sparse vectors,
/// the frozen average length and the content hash it was built from. Written to a temp file and moved, so a crash
/// mid-write never leaves a half file that looks valid.
/// </summary>
internal static class KnowledgeIndexFile
{
    private const string Magic = "MAMORI-KX";
    private const int FormatVersion = 2;   // 2: document topics after the passages

    public static void Write(string path, KnowledgeIndex index)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temp = path + "." + Environment.ProcessId + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(index.ContentHash);
            writer.Write(index.AnalyzerVersion);
            writer.Write(index.Statistics.AverageLength);
            writer.Write(index.IndexedChunks.Count);
            foreach (var indexed in index.IndexedChunks)
            {
                var c = indexed.Chunk;
                foreach (var field in new[] { c.ChunkId, c.DocId, c.Title, c.Section, c.Text, c.Region, c.Url, c.Publisher, c.Tenant })
                    writer.Write(field);
                writer.Write(indexed.Sparse.Count);
                foreach (uint id in indexed.Sparse.Indices)
                    writer.Write(id);
                foreach (float value in indexed.Sparse.Values)
                    writer.Write(value);
            }
            writer.Write(index.Topics.Count);
            foreach (var (docId, topic) in index.Topics.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.Write(docId);
                writer.Write(topic);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the cache, or null when it is missing, from another format, or unreadable (then the caller rebuilds).</summary>
    public static KnowledgeIndex? TryRead(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
                return null;
            string hash = reader.ReadString();
            string analyzerVersion = reader.ReadString();
            double averageLength = reader.ReadDouble();
            int count = reader.ReadInt32();
            var chunks = new IndexedChunk[count];
            for (int i = 0; i < count; i++)
            {
                var chunk = new KnowledgeChunk(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
                    reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
                int terms = reader.ReadInt32();
                var indices = new uint[terms];
                var values = new float[terms];
                for (int t = 0; t < terms; t++)
                    indices[t] = reader.ReadUInt32();
                for (int t = 0; t < terms; t++)
                    values[t] = reader.ReadSingle();
                chunks[i] = new IndexedChunk(chunk, new SparseVector(indices, values));
            }
            int topicCount = reader.ReadInt32();
            var topics = new Dictionary<string, string>(topicCount, StringComparer.Ordinal);
            for (int i = 0; i < topicCount; i++)
                topics[reader.ReadString()] = reader.ReadString();
            return new KnowledgeIndex(chunks, averageLength, hash, analyzerVersion, topics);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException)
        {
            return null;
        }
    }
}
