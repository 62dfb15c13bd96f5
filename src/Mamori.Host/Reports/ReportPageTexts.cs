using Mamori.Core;
using YamlDotNet.Serialization;

namespace Mamori.Host.Reports;

/// <summary>The report page's own wording, from prompts/report-page.yaml (the card's wording comes with the card).</summary>
public sealed class ReportPageTexts
{
    public const string FileName = "report-page.yaml";

    private static readonly string[] Keys = ["profileHeading", "answersHeading", "needsCheck", "needsCheckNote", "adviserHeading", "adviserNone", "skippedHeading", "preparedBy"];

    private readonly IReadOnlyDictionary<string, string> _texts;

    private ReportPageTexts(IReadOnlyDictionary<string, string> texts) => _texts = texts;

    public string this[string key] => _texts[key];

    /// <summary>「担当：…（…）」 on a report a desk member printed for a company.</summary>
    public string PreparedBy(string adviser, string desk) =>
        _texts["preparedBy"].Replace("{adviser}", adviser, StringComparison.Ordinal).Replace("{desk}", desk, StringComparison.Ordinal);

    public static ReportPageTexts Load(ContentRoot content)
    {
        string path = Path.Combine(content.Prompts, FileName);
        var texts = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        if (Keys.FirstOrDefault(k => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(k))) is { } missing)
            throw new InvalidDataException($"{path}: the text '{missing}' is missing.");
        return new ReportPageTexts(texts);
    }
}
