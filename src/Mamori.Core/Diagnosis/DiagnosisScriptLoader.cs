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

    /// <summary>LINE shows at most 13 quick replies: a question's buttons, 「わからない」 (and a group's way back) included.</summary>
    public const int MaxButtons = 13;

    private static readonly string[] Sections = ["profile", .. Enum.GetValues<Stage>().Select(s => s.Code())];

    public static DiagnosisScript Load(ContentRoot content) => Load(content.Diagnosis);

    public static DiagnosisScript Load(string diagnosisDirectory)
    {
        var main = Read(Path.Combine(diagnosisDirectory, QuestionsFile));
        var prefecturesPath = Path.Combine(diagnosisDirectory, PrefecturesFile);
        var shared = new SharedSets(
            new Dictionary<string, List<ChoiceYaml>>(main.ChoiceSets ?? [], StringComparer.Ordinal),
            new Dictionary<string, ChoiceGroupingYaml>(main.ChoiceGroups ?? [], StringComparer.Ordinal));
        if (File.Exists(prefecturesPath))
        {
            var prefectures = Read(prefecturesPath);
            foreach (var (name, set) in prefectures.ChoiceSets ?? [])
                shared.ChoiceSets[name] = set;
            foreach (var (name, grouping) in prefectures.ChoiceGroups ?? [])
                shared.Groupings[name] = grouping;
        }
        return Build(main, shared, Path.Combine(diagnosisDirectory, QuestionsFile), new VocabularyLoader(Path.Combine(diagnosisDirectory, VocabularyLoader.Folder)));
    }

    /// <summary>The choiceSets and choiceGroups of questions.yaml and prefectures.yaml, by name.</summary>
    private sealed record SharedSets(Dictionary<string, List<ChoiceYaml>> ChoiceSets, Dictionary<string, ChoiceGroupingYaml> Groupings);

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

    private static DiagnosisScript Build(DiagnosisFileYaml file, SharedSets shared, string path, VocabularyLoader vocabularies)
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
            var choices = ChoicesOf(q, shared.ChoiceSets, where);
            CheckWordsAreUnambiguous(choices.Append(unknown), where);
            var polarity = PolarityOf(q.Polarity, choices, where);
            var ambiguous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var name in q.Vocabulary ?? [])
                choices = vocabularies.Get(name, where).AddTo(choices, unknown, ambiguous, where);
            // Conditions may only look back: a question can be skipped only by answers already given.
            var skip = (q.SkipWhen ?? []).Select((rule, i) => ToCondition(rule, $"{where} skipWhen[{i}]", known)).ToList();
            var ask = q.AskWhen is null ? null : ToCondition(q.AskWhen, $"{where} askWhen", known);
            var grouping = q.Groups is null ? null : GroupingOf(q.Groups, shared.Groupings, choices, unknown, where);
            if (grouping is not null)
            {
                choices = WithGroupNames(grouping, choices, ambiguous);
                grouping = GroupingOf(q.Groups!, shared.Groupings, choices, unknown, where);   // holding the choices as they now are
            }
            if ((grouping?.Groups.Count ?? choices.Count) + 1 > MaxButtons)
                throw new FormatException($"{where}: more than {MaxButtons} buttons with 「{unknown.Label}」; offer the choices in groups (groups: …).");
            questions.Add(new Question(q.Id, Required(q.Topic, where, "topic"), q.Section, kind,
                Required(q.Prompt, where, "prompt"), Required(q.Help, where, "help"), Required(q.Retry, where, "retry"),
                choices, unknown, skip, ask, polarity, ambiguous, grouping, HintsOf(q.Hints, choices, unknown, where),
                OwnWords(q.Unsure, "unsure", choices, where), OwnWords(q.Decisive, "decisive", choices, where),
                [.. (q.Principal ?? []).Select(JapaneseFold.Fold)], [.. (q.Asides ?? []).Select(JapaneseFold.Fold)], q.Places,
                OwnWords(q.WholeOnly, "wholeOnly", choices, where), q.Estimates));
            known[q.Id] = questions[^1].Codes.ToHashSet(StringComparer.Ordinal);
        }
        if (questions.Count == 0)
            throw new FormatException($"{path}: no questions.");
        return new DiagnosisScript(questions, unknown, Required(file.Intro, path, "intro"), Required(file.Outro, path, "outro"));
    }

    // Every skip rule says why, in the owner's words: the report lists the questions left out and the reasons.
    private static QuestionCondition ToCondition(ConditionYaml rule, string where, IReadOnlyDictionary<string, IReadOnlySet<string>> known) =>
        new(rule.Compile(where, known), Required(rule.Because, where, "because (why the question is left out, for the report)"));

    // 「東北のほうです」「関西です」: a group's name in a reply names the group, so it is asked back with the group's choices
    // (the dialog opens the group's buttons). A town's short name that is a group's name (東北町 → 「東北」, 東海村 and 東海市
    // → 「東海」) is the group's: an owner who types 「東北」 means the region, not 青森県's 東北町.
    private static List<Choice> WithGroupNames(ChoiceGrouping grouping, List<Choice> choices, Dictionary<string, IReadOnlyList<string>> ambiguous)
    {
        var names = grouping.Groups.SelectMany(g => g.Synonyms.Append(g.Label).Select(name => (Name: name, Group: g))).ToList();
        var folded = names.Select(n => JapaneseFold.Fold(n.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var word in ambiguous.Keys.Where(w => folded.Contains(JapaneseFold.Fold(w))).ToList())
            ambiguous.Remove(word);
        foreach (var (name, group) in names)
            ambiguous[name] = [.. group.Choices.Select(c => c.Code)];
        return [.. choices.Select(c => c with { Vocabulary = [.. c.Vocabulary.Where(w => !folded.Contains(JapaneseFold.Fold(w)))] })];
    }

    private static ChoiceGrouping GroupingOf(string name, Dictionary<string, ChoiceGroupingYaml> groupings, List<Choice> choices, Choice unknown, string where)
    {
        if (!groupings.TryGetValue(name, out var yaml))
            throw new FormatException($"{where}: choiceGroups '{name}' is not defined.");
        var at = $"{where} groups '{name}'";
        var groups = new List<ChoiceGroup>();
        var words = choices.Append(unknown).SelectMany(c => c.Synonyms.Append(c.Label)).Select(JapaneseFold.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var g in yaml.Groups ?? [])
        {
            var label = Required(g.Label, at, "a group's label");
            if (label.Length > MaxLabelLength)
                throw new FormatException($"{at}: label 「{label}」 is longer than {MaxLabelLength} characters (LINE cuts it).");
            // A group's name typed alone opens it; it must not also be a choice's word, or 「北海道」 could not be answered.
            foreach (var word in (g.Synonyms ?? []).Append(label).Where(w => words.Contains(JapaneseFold.Fold(w))))
                throw new FormatException($"{at}: 「{word}」 names group '{g.Code}' and is also a word of one of the choices.");
            var members = (g.Choices ?? []).Select(code => choices.FirstOrDefault(c => c.Code == code)
                ?? throw new FormatException($"{at}: group '{g.Code}' lists '{code}', which is not one of the choices.")).ToList();
            if (members.Count == 0)
                throw new FormatException($"{at}: group '{g.Code}' has no choices.");
            if (members.Count + 2 > MaxButtons)
                throw new FormatException($"{at}: group '{g.Code}' has {members.Count} choices; with 「{yaml.Back}」 and 「{unknown.Label}」 that is more than {MaxButtons} buttons.");
            groups.Add(new ChoiceGroup(Required(g.Code, at, "a group's code"), label, g.Synonyms ?? [], members));
        }
        foreach (var missing in choices.Where(c => groups.All(g => !g.Choices.Contains(c))))
            throw new FormatException($"{at}: choice '{missing.Code}' is in no group, so it has no button.");
        return new ChoiceGrouping(groups, Required(yaml.Prompt, at, "prompt"), Required(yaml.Back, at, "back"));
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
        var askBack = yaml.AskBack switch
        {
            null or "false" => InferredAskBack.None,
            "true" => InferredAskBack.YesAndContrast,
            "contrast" => InferredAskBack.Contrast,
            var other => throw new FormatException($"{where}: askBack is true, contrast or left out, not '{other}'."),
        };
        var polarity = new Polarity(yaml.Affirmed, yaml.Denied, yaml.Mixed, yaml.Hedged, askBack, yaml.AskNoBeside);
        foreach (var code in polarity.Codes.Where(code => choices.All(c => c.Code != code)))
            throw new FormatException($"{where}: polarity names '{code}', which is not one of its choices.");
        return polarity;
    }

    // An unsure or decisive word must be one of the choices' own synonyms: it weighs a word the choices already have.
    private static List<string> OwnWords(List<string>? words, string field, List<Choice> choices, string where)
    {
        foreach (var word in words ?? [])
        {
            if (!choices.Any(c => c.Synonyms.Contains(word, StringComparer.Ordinal)))
                throw new FormatException($"{where}: {field} word 「{word}」 is no synonym of a choice.");
        }
        return words ?? [];
    }

    private static List<AnswerHint> HintsOf(List<HintYaml>? yaml, List<Choice> choices, Choice unknown, string where)
    {
        var hints = new List<AnswerHint>();
        foreach (var (h, i) in (yaml ?? []).Select((h, i) => (h, i)))
        {
            var at = $"{where} hints[{i}]";
            var code = Required(h.Code, at, "code");
            var choice = choices.Append(unknown).FirstOrDefault(c => c.Code == code)
                         ?? throw new FormatException($"{at}: code '{code}' is not one of the question's choices.");
            if (h.Words is not { Count: > 0 } words || words.Any(string.IsNullOrWhiteSpace))
                throw new FormatException($"{at}: words must list what owners say (no empty word).");
            // The note comes before 「『〇〇』ということでよろしいですか？」, which asks; the note only says why.
            if (h.Note is { } note && !note.TrimEnd().EndsWith('。'))
                throw new FormatException($"{at}: note must be whole sentences ending in 「。」; the bot asks the question after it.");
            hints.Add(new AnswerHint(code, words, h.Note?.Trim()));
        }
        return hints;
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
