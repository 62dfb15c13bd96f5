using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Knowledge.Documents;

/// <summary>
/// Reads knowledge/docs/*.md: YAML front matter validated against FORMATS.md, body split into `##` sections.
/// Every error names the file and the field, so a docs author can fix it without reading code.
/// </summary>
public static partial class DocumentLoader
{
    private static readonly HashSet<string> Stages = ["motivation", "awareness", "investment", "talent", "measures"];
    private static readonly HashSet<string> SupportTypes = ["knowledge", "financial", "human", "technical"];
    private static readonly HashSet<string> Audiences = ["owner", "staff", "adviser"];

    /// <summary>A topic is a button label: LINE shows at most 20 characters of one.</summary>
    public const int MaxTopicLength = 20;

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Loads every *.md under the folder, in ordinal file-name order (so chunk order is stable).</summary>
    public static IReadOnlyList<KnowledgeDocument> LoadFolder(string docsFolder)
    {
        if (!Directory.Exists(docsFolder))
            throw new KnowledgeFormatException(docsFolder, "folder", "the knowledge documents folder does not exist");
        var documents = Directory.EnumerateFiles(docsFolder, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
        var duplicate = documents.GroupBy(d => d.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new KnowledgeFormatException(duplicate.Last().Path, "id", $"'{duplicate.Key}' is used by more than one document");
        var sameTopic = documents.Where(d => d.Topic is not null).GroupBy(d => d.Topic).FirstOrDefault(g => g.Count() > 1);
        if (sameTopic is not null)
            throw new KnowledgeFormatException(sameTopic.Last().Path, "topic", $"「{sameTopic.Key}」 is also the topic of {sameTopic.First().Id} (a button must name one document)");
        return documents;
    }

    public static KnowledgeDocument Load(string path) => Parse(path, File.ReadAllText(path));

    public static KnowledgeDocument Parse(string path, string content)
    {
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!content.StartsWith("---\n", StringComparison.Ordinal))
            throw new KnowledgeFormatException(path, "front matter", "the file must start with a `---` line");
        int end = content.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
            throw new KnowledgeFormatException(path, "front matter", "no closing `---` line");
        string yaml = content[4..end];
        int bodyStart = content.IndexOf('\n', end + 4);
        string body = bodyStart < 0 ? string.Empty : content[(bodyStart + 1)..];

        FrontMatter front;
        try
        {
            front = Yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(path, $"front matter line {ex.Start.Line}", ex.InnerException?.Message ?? ex.Message);
        }
        return Validate(path, front, body);
    }

    private static KnowledgeDocument Validate(string path, FrontMatter f, string body)
    {
        string fileId = System.IO.Path.GetFileNameWithoutExtension(path);
        string id = Required(path, "id", f.Id);
        if (!KebabCase().IsMatch(id))
            throw new KnowledgeFormatException(path, "id", $"'{id}' is not kebab-case (a-z, 0-9, '-')");
        if (id != fileId)
            throw new KnowledgeFormatException(path, "id", $"'{id}' must equal the file name '{fileId}'");
        var source = f.Source ?? throw new KnowledgeFormatException(path, "source", "is required (publisher, url, published)");
        string url = Required(path, "source.url", source.Url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new KnowledgeFormatException(path, "source.url", $"'{url}' is not an http(s) URL");
        var stages = Codes(path, "stages", f.Stages, Stages);
        var supportTypes = Codes(path, "supportTypes", f.SupportTypes, SupportTypes);
        string audience = Required(path, "audience", f.Audience);
        if (!Audiences.Contains(audience))
            throw new KnowledgeFormatException(path, "audience", $"'{audience}' is not one of owner, staff, adviser");
        string region = Required(path, "region", f.Region);
        if (!KebabCase().IsMatch(region))
            throw new KnowledgeFormatException(path, "region", $"'{region}' must be `national` or a prefecture code");

        string? topic = string.IsNullOrWhiteSpace(f.Topic) ? null : f.Topic.Trim();
        if (topic is { Length: > MaxTopicLength })
            throw new KnowledgeFormatException(path, "topic", $"「{topic}」 is longer than {MaxTopicLength} characters (a button label; LINE cuts it)");

        var sections = MarkdownSections.Split(body);
        var sectionSources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (heading, sectionUrl) in f.SectionSources ?? [])
        {
            if (!sections.Any(s => s.Heading == heading))
                throw new KnowledgeFormatException(path, "sectionSources", $"「{heading}」 is not a `##` heading of the document");
            if (!Uri.TryCreate(sectionUrl, UriKind.Absolute, out var su) || su.Scheme is not ("https" or "http"))
                throw new KnowledgeFormatException(path, "sectionSources", $"'{sectionUrl}' (for 「{heading}」) is not an http(s) URL");
            sectionSources[heading] = sectionUrl.Trim();
        }

        return new KnowledgeDocument(
            id,
            Required(path, "title", f.Title),
            new DocumentSource(Required(path, "source.publisher", source.Publisher), url, Date(path, "source.published", source.Published)),
            Date(path, "reviewed", f.Reviewed),
            stages,
            supportTypes,
            region,
            audience,
            sections,
            path,
            topic) { SectionSources = sectionSources };
    }

    private static string Required(string path, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new KnowledgeFormatException(path, field, "is required") : value.Trim();

    private static DateOnly Date(string path, string field, string? value) =>
        DateOnly.TryParseExact(Required(path, field, value), "yyyy-MM-dd", out var date)
            ? date
            : throw new KnowledgeFormatException(path, field, $"'{value}' is not a date (YYYY-MM-DD)");

    private static IReadOnlyList<string> Codes(string path, string field, List<string>? values, HashSet<string> allowed)
    {
        if (values is null || values.Count == 0)
            throw new KnowledgeFormatException(path, field, "needs at least one code");
        var unknown = values.FirstOrDefault(v => !allowed.Contains(v));
        return unknown is null
            ? values
            : throw new KnowledgeFormatException(path, field, $"'{unknown}' is not one of {string.Join(", ", allowed)}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Topic { get; set; }
        public SourceYaml? Source { get; set; }
        public string? Reviewed { get; set; }
        public List<string>? Stages { get; set; }
        public List<string>? SupportTypes { get; set; }
        public string? Region { get; set; }
        public string? Audience { get; set; }
        public Dictionary<string, string>? SectionSources { get; set; }
    }

    private sealed class SourceYaml
    {
        public string? Publisher { get; set; }
        public string? Url { get; set; }
        public string? Published { get; set; }
    }
}
