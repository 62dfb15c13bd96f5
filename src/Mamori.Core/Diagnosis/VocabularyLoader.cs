using Mamori.Core.Text;
using YamlDotNet.Core;

namespace Mamori.Core.Diagnosis;

/// <summary>
/// The word lists of knowledge/diagnosis/vocabulary/ that a question names (<c>vocabulary: [trades]</c>): everyday names
/// for its choices, written from public facts (日本標準産業分類, 全国地方公共団体コード, …). Each file is a map of choice
/// code → words, optionally with <c>ambiguous</c> words that name several codes; municipalities.yaml lists towns by
/// prefecture and is expanded here (「浜松市」 and 「浜松」; a name found in two prefectures is ambiguous).
/// </summary>
internal sealed class VocabularyLoader(string directory)
{
    public const string Folder = "vocabulary";

    private readonly Dictionary<string, Vocabulary> _loaded = new(StringComparer.Ordinal);

    public Vocabulary Get(string name, string where)
    {
        if (_loaded.TryGetValue(name, out var known))
            return known;
        var path = Path.Combine(directory, name + ".yaml");
        if (!File.Exists(path))
            throw new FormatException($"{where}: vocabulary '{name}' not found ({path}).");
        Dictionary<string, object?> root;
        try
        {
            root = DiagnosisScriptLoader.Yaml.Deserialize<Dictionary<string, object?>>(File.ReadAllText(path)) ?? [];
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
        var vocabulary = root.ContainsKey("prefectures") ? Municipalities(root["prefectures"], path) : Words(root, path);
        _loaded[name] = vocabulary;
        return vocabulary;
    }

    private static Vocabulary Words(Dictionary<string, object?> root, string path)
    {
        var byCode = root.TryGetValue("industries", out var nested) ? AsMap(nested, path, "industries") : root;
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (code, list) in byCode)
        {
            if (code is "ambiguous" or "industries")
                continue;
            words[code] = AsList(list, path, code);
        }
        var ambiguous = new List<(string Word, IReadOnlyList<string> Codes)>();
        if (root.TryGetValue("ambiguous", out var entries) && entries is List<object> rows)
        {
            foreach (var row in rows)
            {
                var map = AsMap(row, path, "ambiguous");
                var word = map.GetValueOrDefault("word") as string ?? throw new FormatException($"{path}: an ambiguous entry has no word.");
                ambiguous.Add((word, AsList(map.GetValueOrDefault("codes"), path, $"ambiguous '{word}' codes")));
            }
        }
        return new Vocabulary(words, ambiguous, path);
    }

    // Towns are typed as 「浜松市」 or just 「浜松」, wards as 「伏見区」: a name or short name found in one prefecture names
    // it; found in several (府中, 伊達, 中央区) it is asked back. Short names of one character are too easily part of words.
    private static Vocabulary Municipalities(object? prefectures, string path)
    {
        // Candidates in the file's order (JIS prefecture order), so 「府中市」 offers 東京都 before 広島県.
        var places = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string name, string code)
        {
            if (!places.TryGetValue(name, out var codes))
                places[name] = codes = [];
            if (!codes.Contains(code))
                codes.Add(code);
        }
        foreach (var (code, entry) in AsMap(prefectures, path, "prefectures"))
        {
            var lists = AsMap(entry, path, code);
            foreach (var name in AsList(lists.GetValueOrDefault("municipalities"), path, $"{code} municipalities"))
            {
                Add(name, code);
                if (ShortName(name) is { } shortName)
                    Add(shortName, code);
            }
            foreach (var ward in lists.TryGetValue("wards", out var w) ? AsList(w, path, $"{code} wards") : [])
            {
                Add(ward, code);
                var bare = ward[(ward.IndexOf('市') + 1)..];   // 「京都市伏見区」 → 「伏見区」
                if (bare.Length >= 2 && bare != ward)
                {
                    Add(bare, code);
                    if (ShortName(bare) is { } shortWard)
                        Add(shortWard, code);   // 「大宮」 for さいたま市大宮区
                }
            }
        }
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var ambiguous = new List<(string, IReadOnlyList<string>)>();
        foreach (var (name, codes) in places)
        {
            if (codes.Count == 1)
                (words.TryGetValue(codes[0], out var list) ? list : words[codes[0]] = []).Add(name);
            else
                ambiguous.Add((name, codes));
        }
        return new Vocabulary(words, ambiguous, path);
    }

    private static string? ShortName(string name) =>
        name.Length >= 3 && name[^1] is '市' or '町' or '村' or '区' ? name[..^1] : null;

    private static Dictionary<string, object?> AsMap(object? value, string path, string what) => value switch
    {
        Dictionary<object, object?> map => map.ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value, StringComparer.Ordinal),
        Dictionary<string, object?> map => map,
        _ => throw new FormatException($"{path}: '{what}' must be a map."),
    };

    private static List<string> AsList(object? value, string path, string what) =>
        value is List<object> items
            ? items.Select(i => i?.ToString()).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).ToList()
            : throw new FormatException($"{path}: '{what}' must be a list of words.");
}

/// <param name="Words">Choice code → everyday words for it.</param>
/// <param name="Ambiguous">Words that name several codes: the reader asks which.</param>
internal sealed record Vocabulary(
    IReadOnlyDictionary<string, List<string>> Words, IReadOnlyList<(string Word, IReadOnlyList<string> Codes)> Ambiguous, string Path)
{
    /// <summary>
    /// The choices with these words added. A word a choice already claims (its label or synonyms) stays that choice's;
    /// a word this vocabulary gives a code the question doesn't have is an error in the data.
    /// </summary>
    public List<Choice> AddTo(List<Choice> choices, Choice unknown, Dictionary<string, IReadOnlyList<string>> ambiguous, string where)
    {
        var claimed = choices.Append(unknown)
            .SelectMany(c => c.Synonyms.Append(c.Label).Append(c.Code).Select(JapaneseFold.Fold))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var code in Words.Keys.Concat(Ambiguous.SelectMany(a => a.Codes)).Where(code => choices.All(c => c.Code != code)))
            throw new FormatException($"{Path}: code '{code}' is not a choice of {where}.");
        var result = choices.Select(choice =>
            Words.TryGetValue(choice.Code, out var words)
                ? choice with { Vocabulary = [.. choice.Vocabulary, .. words.Where(w => !claimed.Contains(JapaneseFold.Fold(w)))] }
                : choice).ToList();
        foreach (var (word, codes) in Ambiguous.Where(a => !claimed.Contains(JapaneseFold.Fold(a.Word))))
            ambiguous[word] = codes;
        return result;
    }
}
