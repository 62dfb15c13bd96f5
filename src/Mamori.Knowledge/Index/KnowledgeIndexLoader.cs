using System.Security.Cryptography;
using System.Text;
using Mamori.Core;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mamori.Knowledge.Index;

/// <summary>
/// Called by the host and the CLI at start: returns the index for knowledge/docs, reading data/knowledge-index.bin when its
/// content hash matches (documents + analyzer + chunking + BM25 settings) and rebuilding and rewriting it otherwise.
/// </summary>
public static partial class KnowledgeIndexLoader
{
    public const string FileName = "knowledge-index.bin";

    public static KnowledgeIndex LoadOrBuild(ContentRoot content, string dataDirectory, ILogger? logger = null, IndexBuildSettings? settings = null)
    {
        logger ??= NullLogger.Instance;
        settings ??= IndexBuildSettings.Default;
        JapaneseNormalizer.EnsureNormalizationWorks();
        string hash = ContentHash(content, settings);
        string path = Path.Combine(dataDirectory, FileName);
        var cached = KnowledgeIndexFile.TryRead(path);
        if (cached is not null && cached.ContentHash == hash)
        {
            Log.Loaded(logger, path, cached.IndexedChunks.Count);
            return cached;
        }
        var index = Build(content, settings, hash);
        try
        {
            KnowledgeIndexFile.Write(path, index);
            Log.Built(logger, path, index.IndexedChunks.Count, cached is null ? "missing" : "stale");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only data folder must not stop the bot: the index lives in memory either way.
            Log.CacheNotWritten(logger, path, ex.Message);
        }
        return index;
    }

    /// <summary>Builds from the Markdown files without touching the cache (tests, eval variants, bench).</summary>
    public static KnowledgeIndex Build(ContentRoot content, IndexBuildSettings? settings = null, string? contentHash = null)
    {
        settings ??= IndexBuildSettings.Default;
        JapaneseNormalizer.EnsureNormalizationWorks();
        var documents = DocumentLoader.LoadFolder(content.Docs);
        var chunks = documents.SelectMany(d => Chunker.Chunk(d, settings.Chunking)).ToList();
        var topics = documents.Where(d => d.Topic is not null).ToDictionary(d => d.Id, d => d.Topic!, StringComparer.Ordinal);
        return KnowledgeIndex.Build(chunks, new JapaneseAnalyzer(settings.Analyzer), settings.Bm25,
            contentHash ?? ContentHash(content, settings), settings.Indexing, topics);
    }

    public static IReadOnlyList<KnowledgeChunk> LoadChunks(ContentRoot content, ChunkingOptions? chunking = null) =>
        [.. DocumentLoader.LoadFolder(content.Docs).SelectMany(d => Chunker.Chunk(d, chunking))];

    public static string ContentHash(ContentRoot content, IndexBuildSettings settings)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(settings.Version + "\n"));
        string docs = content.Docs;
        if (Directory.Exists(docs))
        {
            foreach (var file in Directory.EnumerateFiles(docs, "*.md").Order(StringComparer.Ordinal))
            {
                sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
                sha.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Knowledge index loaded from {Path} ({Chunks} passages)")]
        public static partial void Loaded(ILogger logger, string path, int chunks);

        [LoggerMessage(2, LogLevel.Information, "Knowledge index built and written to {Path} ({Chunks} passages; cache was {Reason})")]
        public static partial void Built(ILogger logger, string path, int chunks, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Knowledge index could not be cached at {Path}: {Reason}")]
        public static partial void CacheNotWritten(ILogger logger, string path, string reason);
    }
}

/// <summary>Everything that changes the built index; its <see cref="Version"/> is part of the cache key.</summary>
public sealed record IndexBuildSettings
{
    public AnalyzerOptions Analyzer { get; init; } = AnalyzerOptions.Default;
    public ChunkingOptions Chunking { get; init; } = ChunkingOptions.Default;
    public IndexingOptions Indexing { get; init; } = IndexingOptions.Default;
    public Bm25Parameters Bm25 { get; init; } = Bm25Parameters.Default;

    public static IndexBuildSettings Default { get; } = new();

    public string Version =>
        $"{Analyzer.Version};{Indexing.Version};c{Chunking.TargetLength}-{string.Join(',', Chunking.SkippedHeadings.Order(StringComparer.Ordinal))};k{Bm25.K1}b{Bm25.B}";
}
