using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Knowledge;

namespace Mamori.Cli.Evaluation;

/// <summary>
/// The gold questions of knowledge/eval/*.json (FORMATS.md): each question with the document ids that answer it;
/// an empty list means out of scope (the bot must refuse). Accepts one file, a directory (all *.json) or a glob.
/// </summary>
public sealed record EvalSet(IReadOnlyList<EvalQuestion> Questions, IReadOnlyList<string> Files)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public IEnumerable<EvalQuestion> InScope => Questions.Where(q => q.Relevant.Count > 0);

    public IEnumerable<EvalQuestion> OutOfScope => Questions.Where(q => q.Relevant.Count == 0);

    /// <summary>Resolves a file, a directory or a glob (`knowledge/eval/questions-*.json`) to the files it names.</summary>
    public static IReadOnlyList<string> Resolve(string pattern)
    {
        if (File.Exists(pattern))
            return [Path.GetFullPath(pattern)];
        if (Directory.Exists(pattern))
            return [.. Directory.EnumerateFiles(pattern, "*.json").Order(StringComparer.Ordinal)];
        string directory = Path.GetDirectoryName(pattern) is { Length: > 0 } d ? d : ".";
        string filePattern = Path.GetFileName(pattern);
        if (filePattern.IndexOfAny(['*', '?']) < 0 || !Directory.Exists(directory))
            return [];
        return [.. Directory.EnumerateFiles(directory, filePattern).Order(StringComparer.Ordinal)];
    }

    /// <exception cref="KnowledgeFormatException">A file is missing, is not JSON of the right shape, or repeats an id.</exception>
    public static EvalSet Load(string pattern)
    {
        var files = Resolve(pattern);
        if (files.Count == 0)
            throw new KnowledgeFormatException(pattern, "--set", "no evaluation file matches (give a .json file, a folder or a glob)");
        var questions = new List<EvalQuestion>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            EvalFile? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<EvalFile>(File.ReadAllText(file), Json);
            }
            catch (JsonException ex)
            {
                throw new KnowledgeFormatException(file, $"line {ex.LineNumber + 1}", ex.Message);
            }
            if (parsed?.Questions is null)
                throw new KnowledgeFormatException(file, "questions", "is required (a list)");
            for (int i = 0; i < parsed.Questions.Count; i++)
            {
                var q = parsed.Questions[i];
                if (string.IsNullOrWhiteSpace(q.Id) || string.IsNullOrWhiteSpace(q.Question))
                    throw new KnowledgeFormatException(file, $"questions[{i}]", "needs an `id` and a `question`");
                if (seen.TryGetValue(q.Id, out var other))
                    throw new KnowledgeFormatException(file, $"questions[{i}].id", $"'{q.Id}' is already used in {other}");
                seen[q.Id] = file;
                questions.Add(new EvalQuestion(q.Id, q.Question, q.Relevant ?? [], Path.GetFileName(file)));
            }
        }
        return new EvalSet(questions, files);
    }

    private sealed class EvalFile
    {
        [JsonPropertyName("questions")]
        public List<RawQuestion>? Questions { get; set; }
    }

    private sealed class RawQuestion
    {
        public string? Id { get; set; }
        public string? Question { get; set; }
        public List<string>? Relevant { get; set; }
    }
}

public sealed record EvalQuestion(string Id, string Question, IReadOnlyList<string> Relevant, string File);
