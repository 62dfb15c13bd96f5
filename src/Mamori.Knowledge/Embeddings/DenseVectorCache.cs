using System.Text;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Embeddings;

/// <summary>
/// Dense vectors of the embedded index, kept on disk next to the index cache so an embedded deployment with an
/// embedding model does not re-embed every passage on each start. Valid only for the same index content and model.
/// </summary>
public static class DenseVectorCache
{
    public const string FileName = "knowledge-dense.bin";
    private const int FormatVersion = 1;

    /// <param name="identity">The embedding model and its dimensions, e.g. "azure:text-embedding-3-large:1024".</param>
    public static async Task<IReadOnlyList<IndexedChunk>> LoadOrEmbedAsync(
        KnowledgeIndex index, string identity, BatchingEmbedder embedder, string dataDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var key = $"{FormatVersion}|{index.ContentHash}|{identity}";
        if (TryRead(path, key, index) is { } cached)
            return cached;

        var vectors = await embedder.EmbedAsync([.. index.IndexedChunks.Select(c => c.Chunk.IndexedText)], cancellationToken);
        var chunks = index.IndexedChunks.Zip(vectors, (c, v) => c with { Dense = v }).ToList();
        try
        {
            Write(path, key, chunks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only data folder costs a re-embedding at the next start, nothing else.
        }

        return chunks;
    }

    private static List<IndexedChunk>? TryRead(string path, string key, KnowledgeIndex index)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != key)
                return null;
            var count = reader.ReadInt32();
            if (count != index.IndexedChunks.Count)
                return null;
            var chunks = new List<IndexedChunk>(count);
            foreach (var chunk in index.IndexedChunks)
            {
                if (reader.ReadString() != chunk.Chunk.ChunkId)
                    return null;
                var vector = new float[reader.ReadInt32()];
                for (var i = 0; i < vector.Length; i++)
                    vector[i] = reader.ReadSingle();
                chunks.Add(chunk with { Dense = vector });
            }

            return chunks;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException)
        {
            return null;   // a damaged cache is rebuilt
        }
    }

    private static void Write(string path, string key, IReadOnlyList<IndexedChunk> chunks)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(key);
            writer.Write(chunks.Count);
            foreach (var chunk in chunks)
            {
                writer.Write(chunk.Chunk.ChunkId);
                var vector = chunk.Dense!.Value.Span;
                writer.Write(vector.Length);
                foreach (var value in vector)
                    writer.Write(value);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
