using Mamori.Core.Diagnosis.Conditions;
using Mamori.Core.Domain;
using Mamori.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Diagnosis;

/// <summary>
/// Reads knowledge/diagnosis/questions.yaml (and the choice sets in prefectures.yaml) into a <see cref="DiagnosisScript"/>.
/// Every mistake in the data is reported with the file and question id, at start-up, not mid-conversation.
/// </summary>
public static class DiagnosisScriptLoader
{
    public const string QuestionsFile = "questions.yaml";
    public const string PrefecturesFile = "prefectures.yaml";

    /// <summary>LINE quick-reply labels are cut at 20 characters.</summary>
    public const int MaxLabelLength = 20;

    private static readonly string[] Sections = ["profile", .. Enum.GetValues<Stage>().Select(s => s.Code())];

    public static DiagnosisScript Load(ContentRoot content) => Load(content.Diagnosis);

    public static DiagnosisScript Load(string diagnosisDirectory)
    {
        var main = Read(Path.Combine(diagnosisDirectory, QuestionsFile));
        var prefecturesPath = Path.Combine(diagnosisDirectory, PrefecturesFile);
        var choiceSets = new Dictionary<string, List<ChoiceYaml>>(main.ChoiceSets ?? [], StringComparer.Ordinal);
        if (File.Exists(prefecturesPath))
        {
            foreach (var (name, set) in Read(prefecturesPath).ChoiceSets ?? [])
                choiceSets[name] = set;
        }
        return Build(main, choiceSets, Path.Combine(diagnosisDirectory, QuestionsFile), new VocabularyLoader(Path.Combine(diagnosisDirectory, VocabularyLoader.Folder)));
    }

    internal static DiagnosisFileYaml Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Diagnosis data not found: {path}", path);
        try
        {
            return Yaml.Deserialize<DiagnosisFileYaml>(File.ReadAllText(path)) ?? new DiagnosisFileYaml();
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
    }

    internal static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static DiagnosisScript Build(DiagnosisFileYaml file, Dictionary<string, List<ChoiceYaml>> choiceSets, string path, VocabularyLoader vocabularies)
    {
        var unknown = ToChoice(file.Unknown ?? throw new FormatException($"{path}: 'unknown' (the わからない answer) is missing."), path, "unknown");
        var questions = new List<Question>();
        var known = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (q, index) in (file.Questions ?? []).Select((q, i) => (q, i)))
        {
            var where = $"{path}: question '{q.Id ?? $"#{index + 1}"}'";
            if (string.IsNullOrWhiteSpace(q.Id))
                throw new FormatException($"{where}: id is missing.");
            if (known.ContainsKey(q.Id))
                throw new FormatException($"{where}: id is used twice.");
            if (q.Section is null || !Sections.Contains(q.Section))
                throw new FormatException($"{where}: section must be one of {string.Join(", ", Sections)}.");
            var kind = q.Kind switch
            {
                null or "choice" => QuestionKind.Choice,
                "count" => QuestionKind.Count,
                "amount" => QuestionKind.Amount,
                _ => throw new FormatException($"{where}: kind must be choice, count or amount, not '{q.Kind}'."),
            };
            var choices = ChoicesOf(q, choiceSets, where);
            CheckWordsAreUnambiguous(choices.Append(unknown), where);
            var polarity = PolarityOf(q.Polarity, choices, where);
            var ambiguous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var name in q.Vocabulary ?? [])
                choices = vocabularies.Get(name, where).AddTo(choices, unknown, ambiguous, where);
            // Conditions may only look back: a question can be skipped only by answers already given.
            var skip = q.SkipWhen?.Compile($"{where} skipWhen", known);
            var ask = q.AskWhen?.Compile($"{where} askWhen", known);
            questions.Add(new Question(q.Id, Required(q.Topic, where, "topic"), q.Section, kind,
                Required(q.Prompt, where, "prompt"), Required(q.Help, where, "help"), Required(q.Retry, where, "retry"),
                choices, unknown, q.Buttons, skip, ask, polarity, ambiguous));
            known[q.Id] = questions[^1].Codes.ToHashSet(StringComparer.Ordinal);
        }
        if (questions.Count == 0)
            throw new FormatException($"{path}: no questions.");
        return new DiagnosisScript(questions, unknown, Required(file.Intro, path, "intro"), Required(file.Outro, path, "outro"));
    }

    private static List<Choice> ChoicesOf(QuestionYaml q, Dictionary<string, List<ChoiceYaml>> choiceSets, string where)
    {
        List<ChoiceYaml> raw;
        if (q.ChoiceSet is not null)
        {
            if (q.Choices is not null)
                throw new FormatException($"{where}: give either choices or choiceSet, not both.");
            if (!choiceSets.TryGetValue(q.ChoiceSet, out raw!))
                throw new FormatException($"{where}: choiceSet '{q.ChoiceSet}' is not defined.");
        }
        else
        {
            raw = q.Choices ?? throw new FormatException($"{where}: choices are missing.");
        }
        var choices = raw.Select(c => ToChoice(c, where, c.Code ?? "?")).ToList();
        foreach (var (code, extra) in q.Synonyms ?? [])
        {
            var i = choices.FindIndex(c => c.Code == code);
            if (i < 0)
                throw new FormatException($"{where}: synonyms given for '{code}', which is not one of its choices.");
            choices[i] = choices[i] with { Synonyms = [.. choices[i].Synonyms, .. extra] };
        }
        if (choices.Select(c => c.Code).Distinct().Count() != choices.Count)
            throw new FormatException($"{where}: a choice code is used twice.");
        foreach (var part in choices.SelectMany(c => c.Combines ?? []).Where(p => choices.All(c => c.Code != p)))
            throw new FormatException($"{where}: combines names '{part}', which is not one of its choices.");
        if (q.Kind is "count" or "amount" && choices.Any(c => c.Min is null))
            throw new FormatException($"{where}: every choice of a {q.Kind} question needs min (and max, except the last).");
        return choices;
    }

    private static Polarity? PolarityOf(PolarityYaml? yaml, List<Choice> choices, string where)
    {
        if (yaml is null)
            return null;
        var polarity = new Polarity(yaml.Affirmed, yaml.Denied, yaml.Mixed, yaml.Hedged);
        foreach (var code in polarity.Codes.Where(code => choices.All(c => c.Code != code)))
            throw new FormatException($"{where}: polarity names '{code}', which is not one of its choices.");
        return polarity;
    }

    private static Choice ToChoice(ChoiceYaml c, string where, string code)
    {
        var at = $"{where} choice '{code}'";
        var label = Required(c.Label, at, "label");
        if (label.Length > MaxLabelLength)
            throw new FormatException($"{at}: label 「{label}」 is longer than {MaxLabelLength} characters (LINE cuts it).");
        return new Choice(Required(c.Code, at, "code"), label, c.Synonyms ?? [], c.Min, c.Max, c.Dominant, c.Combines);
    }

    // Two choices claiming the same word would make the parser's answer depend on file order.
    private static void CheckWordsAreUnambiguous(IEnumerable<Choice> choices, string where)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            foreach (var word in choice.Synonyms.Append(choice.Label).Append(choice.Code).Select(JapaneseFold.Fold).Distinct())
            {
                // A question's own word may take one of 「わからない」's (「さっぱり」 is a plain no to 「分かっていますか」).
                if (owner.TryGetValue(word, out var other) && other != choice.Code && choice.Code != Choice.UnknownCode)
                    throw new FormatException($"{where}: the word 「{word}」 is listed for both '{other}' and '{choice.Code}'.");
                owner.TryAdd(word, choice.Code);
            }
        }
    }

    private static string Required(string? value, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{where}: {field} is missing.") : value.Trim();
}
