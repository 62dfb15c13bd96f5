using System.Globalization;
using Mamori.Core.Diagnosis;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Measures;

/// <summary>
/// Reads knowledge/measures/local-help.yaml and checks it against the catalog and the diagnosis's prefecture codes: every
/// prefecture key is a code, every own entry is a catalog entry local to that prefecture, every desk's measure exists, and
/// every row has its reviewed date and sources. The first problem stops loading with a <see cref="FormatException"/>
/// naming the file and the place in it.
/// </summary>
internal static class LocalHelpLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static LocalHelpTable Load(string path, MeasureCatalog catalog, DiagnosisScript script)
    {
        var file = Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
        FormatException Bad(string where, string problem) => new($"{file}: {where}: {problem}");

        LocalHelpYaml? yaml;
        try
        {
            yaml = Yaml.Deserialize<LocalHelpYaml>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw Bad("(yaml)", ex.Message);
        }
        if (yaml is null)
            throw Bad("(file)", "is empty");

        if (!DateOnly.TryParseExact($"{yaml.Searched?.Trim()}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var searched))
            throw Bad("searched", $"'{yaml.Searched}' is not a month (YYYY-MM)");
        if (string.IsNullOrWhiteSpace(yaml.Police) || !yaml.Police.Contains("{prefecture}", StringComparison.Ordinal))
            throw Bad("police", "needs the police's name with {prefecture} (「{prefecture}警察」)");

        var desks = (yaml.Desks ?? []).Select((d, i) =>
        {
            var where = $"desks[{i}]";
            string Required(string? value, string field) =>
                string.IsNullOrWhiteSpace(value) ? throw Bad($"{where}.{field}", "is required") : value.Trim();
            var measure = string.IsNullOrWhiteSpace(d.Measure) ? null : d.Measure.Trim();
            if (measure is not null && catalog.Find(measure) is null)
                throw Bad($"{where}.measure", $"'{measure}' is not a measure of the catalog");
            return new LocalDeskKind(Required(d.Kind, "kind"), Required(d.Name, "name"), Required(d.Anywhere, "anywhere"), Required(d.What, "what"), measure);
        }).ToList();
        if (desks.Count == 0)
            throw Bad("desks", "needs the desks every prefecture has");

        var question = script.Get("prefecture");
        var names = question.Choices.Where(c => c.Code != question.Unknown.Code).ToDictionary(c => c.Code, c => c.Label, StringComparer.Ordinal);
        var fallback = Row(yaml.NothingFound ?? throw Bad("nothingFound", "is required (the default for prefectures not listed)"), "nothingFound", null, listed: false);

        var rows = new Dictionary<string, LocalRow>(StringComparer.Ordinal);
        foreach (var (code, row) in yaml.Prefectures ?? [])
        {
            if (!names.ContainsKey(code))
                throw Bad($"prefectures.{code}", $"'{code}' is not a prefecture code (see docs/diagnosis.md)");
            rows[code] = Row(row, $"prefectures.{code}", code, listed: true);
        }
        foreach (var code in names.Keys.Where(c => !rows.ContainsKey(c)))
            rows[code] = fallback;
        return new LocalHelpTable(searched, yaml.Police.Trim(), desks, rows, names);

        LocalRow Row(LocalRowYaml row, string where, string? prefecture, bool listed)
        {
            var own = (row.Own ?? []).Select(id => id.Trim()).ToList();
            foreach (var id in own)
            {
                if (catalog.Find(id) is not { } measure)
                    throw Bad($"{where}.own", $"'{id}' is not a measure of the catalog");
                if (prefecture is null || !measure.IsLocal || !measure.Eligibility.Regions.Contains(prefecture))
                    throw Bad($"{where}.own", $"'{id}' is not a programme of this prefecture (its eligibility.regions must name it)");
            }
            if (!DateOnly.TryParseExact(row.Reviewed?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
                throw Bad($"{where}.reviewed", $"'{row.Reviewed}' is not a date (YYYY-MM-DD)");
            var sources = (row.Sources ?? []).Select(s => s.Trim()).ToList();
            if (sources.Count == 0)
                throw Bad($"{where}.sources", "needs at least one source");
            // A source is an official page, or the section of the fact sheet the row rests on.
            foreach (var source in sources.Where(s => !s.StartsWith("facts/", StringComparison.Ordinal) && !IsHttpUrl(s)))
                throw Bad($"{where}.sources", $"'{source}' is neither an http(s) URL nor a facts/ reference");
            var police = string.IsNullOrWhiteSpace(row.Police) ? null : row.Police.Trim();
            return new LocalRow(own, police, reviewed, sources, listed);
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private sealed class LocalHelpYaml
    {
        public string? Searched { get; set; }
        public string? Police { get; set; }
        public List<DeskYaml>? Desks { get; set; }
        public LocalRowYaml? NothingFound { get; set; }
        public Dictionary<string, LocalRowYaml>? Prefectures { get; set; }
    }

    private sealed class DeskYaml
    {
        public string? Kind { get; set; }
        public string? Measure { get; set; }
        public string? Name { get; set; }
        public string? Anywhere { get; set; }
        public string? What { get; set; }
    }

    private sealed class LocalRowYaml
    {
        public List<string>? Own { get; set; }
        public string? Police { get; set; }
        public string? Reviewed { get; set; }
        public List<string>? Sources { get; set; }
    }
}
