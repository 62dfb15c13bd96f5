using System.Text;
using Mamori.Core.Answering;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Without a language model, a follow-up such as 「それはいくら？」 is made searchable by carrying over the topic of the
/// previous user question: a leading それ/その/これ… is replaced by that topic, otherwise the topic is put in front.
/// Only short or anaphoric questions are rewritten; a new, complete question stands on its own. The words are data:
/// prompts/follow-up-words.yaml, beside the model's prompt for the same job (rewrite-follow-up.yaml).
/// </summary>
internal sealed class FollowUpRewriter
{
    public const string FileName = "follow-up-words.yaml";

    private readonly int _shortQuestion;
    private readonly (string Word, string Joiner)[] _anaphors;
    private readonly string[] _filler;

    private FollowUpRewriter(int shortQuestion, IEnumerable<(string Word, string Joiner)> anaphors, IEnumerable<string> filler)
    {
        _shortQuestion = shortQuestion;
        _anaphors = [.. anaphors.OrderByDescending(a => a.Word.Length).ThenBy(a => a.Word, StringComparer.Ordinal)];
        _filler = [.. filler];
    }

    public bool IsFollowUp(string question)
    {
        var normalized = Normalize(question);
        return normalized.Length <= _shortQuestion || _anaphors.Any(a => normalized.StartsWith(a.Word, StringComparison.Ordinal));
    }

    /// <returns>The question to search with; the original when there is nothing to carry over.</returns>
    public string Rewrite(string question, IReadOnlyList<ConversationLine> history)
    {
        if (!IsFollowUp(question) || Topic(history) is not { Length: > 0 } topic)
            return question;

        var normalized = Normalize(question);
        foreach (var (anaphor, joiner) in _anaphors)
        {
            if (normalized.StartsWith(anaphor, StringComparison.Ordinal))
                return (topic + joiner + normalized[anaphor.Length..]).Trim();
        }

        return $"{topic} {normalized}";
    }

    /// <summary>The topic of the most recent user question that was not itself a follow-up, without question filler.</summary>
    private string? Topic(IReadOnlyList<ConversationLine> history)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var line = history[i];
            if (line.Role != ConversationRole.User || IsFollowUp(line.Text))
                continue;

            var topic = new StringBuilder(Normalize(line.Text));
            foreach (var filler in _filler)
                topic.Replace(filler, " ");
            var result = string.Join(" ", topic.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            // A trailing particle left by the filler removal (「お助け隊は」) reads badly once joined.
            return result.TrimEnd('は', 'が', 'を', 'の', 'に', 'で', 'と', 'も', ' ');
        }

        return null;
    }

    private static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormKC).Replace('？', '?').Trim();

    /// <exception cref="PromptFileException">The file is missing, not YAML of this shape, or a list holds an empty word.</exception>
    public static FollowUpRewriter Load(string path, string displayName)
    {
        if (!File.Exists(path))
            throw new PromptFileException(displayName, "(file)", $"not found at {path}");
        WordsFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<WordsFile?>(File.ReadAllText(path)) ?? throw new PromptFileException(displayName, "(file)", "is empty");
        }
        catch (YamlException e)
        {
            throw new PromptFileException(displayName, $"line {e.Start.Line}", e.InnerException?.Message ?? e.Message);
        }
        if (file.ShortQuestion is not (>= 0 and <= 100))
            throw new PromptFileException(displayName, "shortQuestion", "is required: a number of characters between 0 and 100");
        if (file.Anaphors is not { Count: > 0 })
            throw new PromptFileException(displayName, "anaphors", "is required: joiner → list of words");
        var anaphors = new List<(string, string)>();
        foreach (var (joiner, words) in file.Anaphors)
            anaphors.AddRange(Words(displayName, $"anaphors.{joiner}", words).Select(w => (w, joiner)));
        return new FollowUpRewriter(file.ShortQuestion.Value, anaphors, Words(displayName, "filler", file.Filler));
    }

    private static List<string> Words(string file, string field, List<string?>? raw)
    {
        if (raw is not { Count: > 0 })
            throw new PromptFileException(file, field, "needs at least one word");
        var words = new List<string>();
        for (int i = 0; i < raw.Count; i++)
        {
            var word = (raw[i] ?? "").Normalize(NormalizationForm.FormKC).Trim();
            if (word.Length == 0)
                throw new PromptFileException(file, $"{field}[{i}]", "is empty");
            words.Add(word);
        }
        return words;
    }

    private sealed class WordsFile
    {
        public int? ShortQuestion { get; set; }
        public Dictionary<string, List<string?>>? Anaphors { get; set; }
        public List<string?>? Filler { get; set; }
    }
}
