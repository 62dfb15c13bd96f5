using System.Globalization;
using System.Text.RegularExpressions;
using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Measures;

/// <summary>
/// Reads every knowledge/measures/*.yaml and checks each entry against docs/data-formats.md: required fields, known codes
/// (stages, support types, and the diagnosis's employee/industry/prefecture codes), dates, URLs and unique ids.
/// The first problem stops loading with a <see cref="CatalogException"/> naming file, entry and field.
/// </summary>
public static partial class MeasureCatalogLoader
{
    // Extra keys are ignored, so the Catalog owner can add notes without breaking the bot; missing or wrong ones are not.
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>The product's catalog: here the local-help file is required, since every result names local help.</summary>
    public static MeasureCatalog Load(ContentRoot content, DiagnosisScript script)
    {
        var localHelp = Path.Combine(content.Measures, LocalHelpTable.FileName);
        if (!File.Exists(localHelp))
            throw new FileNotFoundException($"Local help not found: {localHelp} (what each prefecture has of its own, and its desks)", localHelp);
        return Load(content.Measures, script);
    }

    /// <summary>Every measure file of <paramref name="directory"/>, and its local-help.yaml when there is one (a test catalog may have none).</summary>
    public static MeasureCatalog Load(string directory, DiagnosisScript script)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Measure catalog folder not found: {directory}");
        var codes = CatalogCodes.From(script);
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Where(f => Path.GetFileName(f) != LocalHelpTable.FileName)
            .Order(StringComparer.Ordinal);
        var measures = files.SelectMany(f => LoadFile(f, codes)).ToList();
        var localHelp = Path.Combine(directory, LocalHelpTable.FileName);
        if (!File.Exists(localHelp))
            return new MeasureCatalog(measures);
        // The table refers to entries by id, so it is checked against the catalog built without it.
        return new MeasureCatalog(measures) { LocalHelp = LocalHelpLoader.Load(localHelp, new MeasureCatalog(measures), script) };
    }

    internal static IReadOnlyList<Measure> LoadFile(string path, CatalogCodes codes)
    {
        var file = Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
        MeasureFileYaml? parsed;
        try
        {
            parsed = Yaml.Deserialize<MeasureFileYaml>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new CatalogException(file, null, "(yaml)", ex.Message);
        }
        if (parsed?.Measures is null)
            throw new CatalogException(file, null, "measures", "the file needs a top-level 'measures:' list");
        return parsed.Measures.Select(m => Validate(m, file, codes)).ToList();
    }

    private static Measure Validate(MeasureYaml m, string file, CatalogCodes codes)
    {
        var id = m.Id;
        CatalogException Bad(string field, string problem) => new(file, id, field, problem);
        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw Bad(field, "is required") : value.Trim();

        if (string.IsNullOrWhiteSpace(id) || !KebabCase().IsMatch(id))
            throw Bad("id", $"must be kebab-case (a-z, 0-9, -), got '{id}'");
        if (!DomainCodes.TryParseSupportType(m.SupportType, out var supportType))
            throw Bad("supportType", $"must be knowledge, financial, human or technical, got '{m.SupportType}'");

        var barriers = new List<Stage>();
        foreach (var code in m.Barriers ?? throw Bad("barriers", "is required"))
            barriers.Add(DomainCodes.TryParseStage(code, out var stage) ? stage
                : throw Bad("barriers", $"'{code}' is not a stage (motivation awareness investment talent measures)"));
        if (barriers.Count == 0)
            throw Bad("barriers", "needs at least one stage");

        var steps = new List<int>();
        foreach (var step in m.Steps ?? throw Bad("steps", "is required"))
            steps.Add(int.TryParse(step, out var s) && s is >= 1 and <= 4 ? s : throw Bad("steps", $"'{step}' is not a step 1-4"));
        if (steps.Count == 0)
            throw Bad("steps", "needs at least one step");

        var eligibility = m.Eligibility is null ? Eligibility.Anyone : new Eligibility(
            Known(m.Eligibility.Employees, codes.Employees, "eligibility.employees"),
            Known(m.Eligibility.Industries, codes.Industries, "eligibility.industries"),
            Known(m.Eligibility.Regions, codes.Regions, "eligibility.regions"),
            string.IsNullOrWhiteSpace(m.Eligibility.Note) ? null : m.Eligibility.Note.Trim())
        {
            OpenToAnySmeSize = codes.SmeSizes.All(c => m.Eligibility.Employees?.Contains(c) ?? true),
        };

        var itBundle = m.ItBundle switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw Bad("itBundle", $"must be true or false, got '{m.ItBundle}'"),
        };

        var url = Required(m.Url, "url");
        if (!IsHttpUrl(url))
            throw Bad("url", $"'{url}' is not an http(s) URL");
        var sources = m.Sources ?? [];
        if (sources.Count == 0)
            throw Bad("sources", "needs at least one URL");
        foreach (var source in sources.Where(s => !IsHttpUrl(s)))
            throw Bad("sources", $"'{source}' is not an http(s) URL");

        LatestPage? latest = null;
        if (m.Latest is not null)
        {
            var latestUrl = Required(m.Latest.Url, "latest.url");
            if (!IsHttpUrl(latestUrl))
                throw Bad("latest.url", $"'{latestUrl}' is not an http(s) URL");
            latest = new LatestPage(Required(m.Latest.Page, "latest.page"), latestUrl);
        }

        var measure = new Measure
        {
            Id = id,
            Name = Required(m.Name, "name"),
            Provider = Required(m.Provider, "provider"),
            SupportType = supportType,
            Barriers = barriers,
            Steps = steps,
            Eligibility = eligibility,
            EspeciallyFor = Known(m.EspeciallyFor, codes.Industries, "especiallyFor"),
            InsteadOf = string.IsNullOrWhiteSpace(m.InsteadOf) ? null
                : KebabCase().IsMatch(m.InsteadOf.Trim()) ? m.InsteadOf.Trim() : throw Bad("insteadOf", $"'{m.InsteadOf}' is not a measure id"),
            ItBundle = itBundle,
            Cost = Required(m.Cost, "cost"),
            Summary = Required(m.Summary, "summary"),
            HowToStart = Required(m.HowToStart, "howToStart"),
            NextStep = Required(m.NextStep, "nextStep"),
            Url = url,
            Sources = sources,
            Reviewed = Date(Required(m.Reviewed, "reviewed"), "reviewed"),
            ValidUntil = m.ValidUntil is null ? null : Date(m.ValidUntil, "validUntil"),
            Latest = latest,
            Caution = string.IsNullOrWhiteSpace(m.Caution) ? null : m.Caution.Trim(),
            AsOf = (m.AsOf ?? []).Select(a => new { Fact = Required(a.Fact, "asOf.fact"), Date = Required(a.Date, "asOf.date") })
                .Select(a => TryPeriod(a.Date, out var d, out var p) ? new TimeBoundFact(a.Fact, d, p)
                    : throw Bad("asOf.date", $"'{a.Date}' is not a year, month or date (YYYY, YYYY-MM or YYYY-MM-DD)"))
                .ToList(),
            SourceFile = file,
        };
        foreach (var (field, text) in OwnerFacing(measure))
        {
            if (ReviewerMarkers.FirstOrDefault(text.Contains) is { } marker)
                throw Bad(field, $"owners read this field, but it holds a note for reviewers ('{marker}'): move it to caution, and point to the official page with latest");
        }
        return measure;

        DateOnly Date(string value, string field) =>
            DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw Bad(field, $"'{value}' is not a date (YYYY-MM-DD)");

        List<string> Known(List<string>? values, IReadOnlySet<string> valid, string field)
        {
            foreach (var v in values ?? [])
            {
                if (!valid.Contains(v))
                    throw Bad(field, $"'{v}' is not a known code (see docs/diagnosis.md)");
            }
            return values ?? [];
        }
    }

    private static bool TryPeriod(string value, out DateOnly date, out DatePrecision precision)
    {
        (string Format, DatePrecision Precision)[] formats = [("yyyy-MM-dd", DatePrecision.Day), ("yyyy-MM", DatePrecision.Month), ("yyyy", DatePrecision.Year)];
        foreach (var (format, p) in formats)
        {
            if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                (date, precision) = (DateOnly.FromDateTime(parsed), p);
                return true;
            }
        }
        (date, precision) = (default, DatePrecision.Day);
        return false;
    }

    // Words that only make sense to whoever checked the facts; an owner reading them learns nothing to act on.
    private static readonly string[] ReviewerMarkers =
        ["要確認", "未確認", "確認できて", "確認できませ", "見つかって", "見つかりませ", "わかっていません", "調査時点", "調べた範囲", "2次", "解説記事"];

    /// <summary>Every field an owner reads, by its YAML name (caution is for reviewers and is not listed).</summary>
    internal static IEnumerable<(string Field, string Text)> OwnerFacing(Measure m)
    {
        yield return ("name", m.Name);
        yield return ("provider", m.Provider);
        yield return ("cost", m.Cost);
        yield return ("summary", m.Summary);
        yield return ("howToStart", m.HowToStart);
        yield return ("nextStep", m.NextStep);
        if (m.Eligibility.Note is { } note)
            yield return ("eligibility.note", note);
        if (m.Latest is { } latest)
            yield return ("latest.page", latest.Page);
        foreach (var fact in m.AsOf)
            yield return ("asOf.fact", fact.Fact);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Contains('.');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}

/// <summary>The codes a catalog entry may use for eligibility, taken from the diagnosis questions so the two never drift.</summary>
internal sealed record CatalogCodes(IReadOnlySet<string> Employees, IReadOnlySet<string> Industries, IReadOnlySet<string> Regions)
{
    /// <summary>Every size band but the largest (301+): the sizes of a small or medium company.</summary>
    public IReadOnlyList<string> SmeSizes { get; init; } = [];

    public static CatalogCodes From(DiagnosisScript script)
    {
        HashSet<string> Of(string id) => script.Get(id).Choices.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var regions = Of("prefecture");
        regions.Add(Eligibility.National);
        var sizes = script.Get("employees").Choices.Select(c => c.Code).ToList();
        return new CatalogCodes(Of("employees"), Of("industry"), regions) { SmeSizes = sizes.Take(sizes.Count - 1).ToList() };
    }
}
