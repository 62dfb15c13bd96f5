namespace Mamori.Core.Measures;

// The YAML shape of a catalog file; every value is read as text first so the validator can say exactly what is wrong.
internal sealed class MeasureFileYaml
{
    public List<MeasureYaml>? Measures { get; set; }
}

internal sealed class MeasureYaml
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Provider { get; set; }
    public string? SupportType { get; set; }
    public List<string>? Barriers { get; set; }
    public List<string>? Steps { get; set; }
    public EligibilityYaml? Eligibility { get; set; }
    public List<string>? EspeciallyFor { get; set; }
    public string? InsteadOf { get; set; }
    public string? ItBundle { get; set; }
    public string? Cost { get; set; }
    public string? Summary { get; set; }
    public string? HowToStart { get; set; }
    public string? NextStep { get; set; }
    public string? Url { get; set; }
    public List<string>? Sources { get; set; }
    public string? Reviewed { get; set; }
    public string? ValidUntil { get; set; }
    public LatestYaml? Latest { get; set; }
    public string? Caution { get; set; }
    public List<AsOfYaml>? AsOf { get; set; }
}

internal sealed class AsOfYaml
{
    public string? Fact { get; set; }
    public string? Date { get; set; }
}

internal sealed class LatestYaml
{
    public string? Page { get; set; }
    public string? Url { get; set; }
}

internal sealed class EligibilityYaml
{
    public List<string>? Employees { get; set; }
    public List<string>? Industries { get; set; }
    public List<string>? Regions { get; set; }
    public string? Note { get; set; }
}
