using Mamori.Core.Text;
using Mamori.Knowledge.Analysis;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Knowledge.Gate;

/// <summary>
/// What the guidelines are about, from knowledge/dictionary/scope.yaml: security topic words, words of worry or mishap,
/// and the endings of programme names (補助金, 助成金, 制度 …). The evidence gate asks more of a question that touches
/// none of the topics or concerns, and refuses programme names the documents never mention. Words are normalized like
/// the queries, so 「ｳｲﾙｽ」 and 「ウイルス」 match the same entry.
/// </summary>
public sealed class ScopeLexicon
{
    private ScopeLexicon(IReadOnlyList<string> topics, IReadOnlyList<string> concerns, IReadOnlyList<string> programmeHeads,
                         IReadOnlyList<string>? offTopics = null, IReadOnlyList<string>? bareTopics = null,
                         IReadOnlyList<string>? notTopics = null, IReadOnlyList<string>? notProgrammes = null)
    {
        NotTopics = notTopics ?? [];
        NotProgrammes = notProgrammes ?? [];
        Topics = topics;
        Concerns = concerns;
        ProgrammeHeads = programmeHeads;
        OffTopics = offTopics ?? [];
        BareTopics = bareTopics ?? [];
    }

    /// <summary>No lexicon: the gate judges on evidence strength alone (the behaviour before scope.yaml existed).</summary>
    public static ScopeLexicon Empty { get; } = new([], [], []);

    public const string FileName = "scope.yaml";

    public IReadOnlyList<string> Topics { get; }

    public IReadOnlyList<string> Concerns { get; }

    /// <summary>Normalized endings of programme names, longest first so 助成金 wins over a shorter ending.</summary>
    public IReadOnlyList<string> ProgrammeHeads { get; }

    /// <summary>Words that begin with a programme ending and name none (「法人」 in NPO法人): no ending where they stand.</summary>
    public IReadOnlyList<string> NotProgrammes { get; }

    /// <summary>Words that are a topic only when nothing qualifies them: 「対策にお金かけたい」 is security, 「節税対策」「SEO対策」
    /// 「熱中症の対策」 are not.</summary>
    public IReadOnlyList<string> BareTopics { get; }

    /// <summary>Phrases that hold a topic or concern word and are none (「LINE公式アカウント」, 「つながらなくなった」,
    /// 「何ギガあれば足りる」): a word inside one of them does not count.</summary>
    public IReadOnlyList<string> NotTopics { get; }

    /// <summary>What the guidelines never cover when asked without a topic or concern word (「ホームページを作る」).</summary>
    public IReadOnlyList<string> OffTopics { get; }

    /// <summary>The first off-topic phrase in the normalized question, spaces aside (「ほーむぺーじ を つくる」); null when none.</summary>
    public string? FindOffTopic(string normalizedQuery)
    {
        if (OffTopics.Count == 0)
            return null;
        var joined = normalizedQuery.Replace(" ", "", StringComparison.Ordinal);
        return OffTopics.FirstOrDefault(w => joined.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>True when there are no topic or concern words, so "off topic" cannot be decided.</summary>
    public bool IsEmpty => Topics.Count == 0 && Concerns.Count == 0;

    /// <summary>The first topic word, else the first concern word, found in the normalized question, then in it with its
    /// spaces taken out (「メール まちがえて おくった」, written word by word); null when none.</summary>
    public string? FindScopeWord(string normalizedQuery)
    {
        return Find(normalizedQuery)
            ?? (normalizedQuery.Contains(' ', StringComparison.Ordinal) ? Find(normalizedQuery.Replace(" ", "", StringComparison.Ordinal)) : null);

        string? Find(string query) =>
            FirstOutsideNotTopics(Topics, query) ?? FirstOutsideNotTopics(Concerns, query)
            ?? BareTopics.FirstOrDefault(w => Phrases.Occurrences(query, w).Any(at => at == 0 || IsUnqualifying(query[at - 1])));
    }

    private string? FirstOutsideNotTopics(IReadOnlyList<string> words, string query) =>
        words.FirstOrDefault(w => Phrases.Occurrences(query, w).Any(at => !Phrases.IsInside(query, at, at + w.Length, NotTopics)));

    // Punctuation, a space or a particle other than の (「ねずみの対策」 is qualified; 「うちの対策」 is a topic of its own).
    private static bool IsUnqualifying(char before) =>
        JapaneseAnalyzer.Classify(before) == JapaneseAnalyzer.CharKind.Other || "はがもをにへとでや".Contains(before, StringComparison.Ordinal);

    /// <exception cref="KnowledgeFormatException">The file is missing, not YAML of this shape, or a list holds an empty word.</exception>
    public static ScopeLexicon Load(string path)
    {
        if (!File.Exists(path))
            throw new KnowledgeFormatException(path, "file", "the scope lexicon does not exist");
        ScopeFile file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            file = deserializer.Deserialize<ScopeFile?>(File.ReadAllText(path)) ?? new ScopeFile();
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(path, $"line {ex.Start.Line}", ex.Message);
        }
        return new ScopeLexicon(
            Words(path, "topics", file.Topics),
            Words(path, "concerns", file.Concerns),
            [.. Words(path, "programmeHeads", file.ProgrammeHeads).OrderByDescending(h => h.Length).ThenBy(h => h, StringComparer.Ordinal)],
            file.OffTopics is null ? [] : Words(path, "offTopics", file.OffTopics),
            file.BareTopics is null ? [] : Words(path, "bareTopics", file.BareTopics),
            file.NotTopics is null ? [] : Words(path, "notTopics", file.NotTopics),
            file.NotProgrammes is null ? [] : Words(path, "notProgrammes", file.NotProgrammes));
    }

    private static List<string> Words(string path, string field, List<string?>? raw)
    {
        var words = new List<string>();
        for (int i = 0; i < (raw?.Count ?? 0); i++)
        {
            string normalized = JapaneseNormalizer.Normalize(raw![i] ?? string.Empty).Trim();
            if (normalized.Length == 0)
                throw new KnowledgeFormatException(path, $"{field}[{i}]", "is empty");
            words.Add(normalized);
        }
        return [.. words.SelectMany(Conjugated).Distinct(StringComparer.Ordinal)];
    }

    // The row of endings a godan verb takes (守る → 守ら, 守り, 守っ, 守れ, 守ろ): a verb is listed once, in its dictionary form.
    private static readonly Dictionary<char, string> GodanRows = new()
    {
        ['う'] = "わいえおっ", ['く'] = "かきけこい", ['ぐ'] = "がぎげごい", ['す'] = "さしせそ", ['つ'] = "たちてとっ",
        ['ぶ'] = "ばびべぼん", ['む'] = "まみめもん", ['る'] = "らりれろっ",
    };

    /// <summary>A word and, when it is a verb in dictionary form after a kanji stem (守る, 防ぐ, 狙う), its other stems, so
    /// 「守ってくれる」「防がれへん」 match as the listed form does.</summary>
    private static IEnumerable<string> Conjugated(string word)
    {
        yield return word;
        if (word.Length < 2 || !GodanRows.TryGetValue(word[^1], out var row) || JapaneseAnalyzer.Classify(word[^2]) != JapaneseAnalyzer.CharKind.Han)
            yield break;
        foreach (var ending in row)
            yield return word[..^1] + ending;
    }

    private sealed class ScopeFile
    {
        public List<string?>? Topics { get; set; }
        public List<string?>? Concerns { get; set; }
        public List<string?>? ProgrammeHeads { get; set; }
        public List<string?>? OffTopics { get; set; }
        public List<string?>? BareTopics { get; set; }
        public List<string?>? NotTopics { get; set; }
        public List<string?>? NotProgrammes { get; set; }
    }
}
