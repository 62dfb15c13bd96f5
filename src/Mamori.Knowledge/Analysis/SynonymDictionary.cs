using Mamori.Knowledge.Gate;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Knowledge.Analysis;

/// <summary>
/// Maps the words owners type onto the words the guidelines use (身代金 → ランサムウェア, 二段階認証 → 多要素認証),
/// loaded from knowledge/dictionary/synonyms.yaml. Applied to queries only, so the index stays a pure function of the documents.
/// <see cref="Load"/> also reads the gate's <see cref="ScopeLexicon"/> from scope.yaml in the same folder when it exists, so
/// every place that loads the query dictionaries (embedded, Qdrant, CLI) gets the same gate.
/// </summary>
public sealed class SynonymDictionary
{
    private readonly IReadOnlyList<SynonymEntry> _entries;

    private SynonymDictionary(IReadOnlyList<SynonymEntry> entries, ScopeLexicon scope, IReadOnlyList<string> questionFiller)
    {
        QuestionFiller = questionFiller;
        _entries = entries;
        Scope = scope;
    }

    public static SynonymDictionary Empty { get; } = new([], ScopeLexicon.Empty, []);

    /// <summary>Politeness and question fragments that say nothing about the topic (教えて, ですか), normalized, in the file's
    /// order (a longer one before its part): taken off the user's own terms so they neither score nor count against the
    /// evidence gate's coverage.</summary>
    public IReadOnlyList<string> QuestionFiller { get; }

    /// <summary>What the guidelines are about (knowledge/dictionary/scope.yaml), for the evidence gate; empty when absent.</summary>
    public ScopeLexicon Scope { get; }

    public int Count => _entries.Count;

    public IReadOnlyList<SynonymEntry> Entries => _entries;

    /// <summary>The guideline phrases (normalized) whose owner words occur in the normalized query.</summary>
    public IEnumerable<string> Expand(string normalizedQuery)
    {
        foreach (var entry in _entries)
        {
            if (entry.OwnerWords.Any(w => normalizedQuery.Contains(w, StringComparison.Ordinal)))
            {
                foreach (var phrase in entry.GuidelineWords)
                    yield return phrase;
            }
        }
    }

    /// <summary>The dictionary at <paramref name="path"/>, or none when a knowledge folder has no dictionary/ (small test folders).</summary>
    public static SynonymDictionary LoadOrEmpty(string path) => File.Exists(path) ? Load(path) : Empty;

    public static SynonymDictionary Load(string path)
    {
        if (!File.Exists(path))
            throw new KnowledgeFormatException(path, "file", "the synonym dictionary does not exist");
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            var file = deserializer.Deserialize<SynonymFile?>(File.ReadAllText(path)) ?? new SynonymFile();
            var entries = new List<SynonymEntry>();
            for (int i = 0; i < file.Entries.Count; i++)
            {
                var raw = file.Entries[i];
                if (raw.Owner.Count == 0 || raw.Guideline.Count == 0)
                    throw new KnowledgeFormatException(path, $"entries[{i}]", "needs at least one `owner` word and one `guideline` word");
                entries.Add(new SynonymEntry(
                    [.. raw.Owner.Select(JapaneseNormalizer.Normalize).Where(w => w.Length > 0)],
                    [.. raw.Guideline.Select(JapaneseNormalizer.Normalize).Where(w => w.Length > 0)]));
            }
            string scopePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, ScopeLexicon.FileName);
            var filler = file.QuestionFiller.Select(JapaneseNormalizer.Normalize).Where(w => w.Length > 0).Distinct().ToList();
            return new SynonymDictionary(entries, File.Exists(scopePath) ? ScopeLexicon.Load(scopePath) : ScopeLexicon.Empty, filler);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(path, $"line {ex.Start.Line}", ex.Message);
        }
    }

    private sealed class SynonymFile
    {
        public List<RawEntry> Entries { get; set; } = [];

        public List<string> QuestionFiller { get; set; } = [];
    }

    private sealed class RawEntry
    {
        public List<string> Owner { get; set; } = [];
        public List<string> Guideline { get; set; } = [];
    }
}

/// <param name="OwnerWords">Normalized words an owner might type.</param>
/// <param name="GuidelineWords">Normalized words the documents use for the same thing.</param>
public sealed record SynonymEntry(IReadOnlyList<string> OwnerWords, IReadOnlyList<string> GuidelineWords);
