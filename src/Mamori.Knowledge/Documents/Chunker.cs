namespace Mamori.Knowledge.Documents;

/// <summary>
/// Structure-aware chunking: one passage per `##` section; a section longer than <see cref="ChunkingOptions.TargetLength"/>
/// is split at paragraph (blank line or list item) boundaries, then at sentence ends (。！？), never mid-sentence unless a
/// single sentence is itself too long. Source-list sections (出典) are not passages: they are cited, not answered from.
/// </summary>
public static class Chunker
{
    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document, ChunkingOptions? options = null)
    {
        options ??= ChunkingOptions.Default;
        var chunks = new List<KnowledgeChunk>();
        for (int s = 0; s < document.Sections.Count; s++)
        {
            var section = document.Sections[s];
            if (options.SkippedHeadings.Contains(section.Heading) || section.Body.Length == 0)
                continue;
            var parts = Split(section.Body, options.TargetLength);
            for (int p = 0; p < parts.Count; p++)
            {
                chunks.Add(new KnowledgeChunk(
                    $"{document.Id}#{s:00}-{p + 1}",
                    document.Id,
                    document.Title,
                    section.Heading,
                    parts[p],
                    document.Region,
                    document.Source.Url,
                    document.Source.Publisher));
            }
        }
        return chunks;
    }

    internal static List<string> Split(string body, int target)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var unit in Units(body, target))
        {
            if (current.Length > 0 && current.Length + unit.Length > target)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            if (current.Length > 0)
                current.Append('\n');
            current.Append(unit);
        }
        if (current.Length > 0)
            parts.Add(current.ToString().Trim());
        // A tiny tail reads badly on its own and scores badly in BM25: merge it into the previous passage.
        if (parts.Count > 1 && parts[^1].Length < target / 4)
        {
            parts[^2] = parts[^2] + "\n" + parts[^1];
            parts.RemoveAt(parts.Count - 1);
        }
        return parts;
    }

    /// <summary>Lines (list items and paragraphs), with any line longer than the target cut at sentence ends.</summary>
    private static IEnumerable<string> Units(string body, int target)
    {
        foreach (var raw in body.Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.Trim().Length == 0)
                continue;
            if (line.Length <= target)
            {
                yield return line;
                continue;
            }
            int start = 0;
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] is '。' or '！' or '？' && i + 1 - start > 0)
                {
                    yield return line[start..(i + 1)];
                    start = i + 1;
                }
            }
            if (start < line.Length)
                yield return line[start..];
        }
    }
}

public sealed record ChunkingOptions
{
    /// <summary>About 400 characters per passage, the JQaRA passage size (retrieval.md §1.3).</summary>
    public int TargetLength { get; init; } = 400;

    public IReadOnlySet<string> SkippedHeadings { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "出典", "参考", "参考資料", "出典・参考", "次に読むもの" };

    public static ChunkingOptions Default { get; } = new();
}
