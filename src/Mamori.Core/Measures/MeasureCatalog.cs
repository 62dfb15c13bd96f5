namespace Mamori.Core.Measures;

/// <summary>All measures, in a stable order (by id), built once by <see cref="MeasureCatalogLoader"/>.</summary>
public sealed class MeasureCatalog
{
    private readonly Dictionary<string, Measure> _byId;

    public MeasureCatalog(IEnumerable<Measure> measures)
    {
        Measures = measures.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, Measure>(StringComparer.Ordinal);
        foreach (var m in Measures)
        {
            if (!_byId.TryAdd(m.Id, m))
                throw new CatalogException(m.SourceFile, m.Id, "id", $"the id is also used in {_byId[m.Id].SourceFile}");
        }
        foreach (var m in Measures.Where(m => m.InsteadOf is not null))
        {
            if (!m.IsLocal)
                throw new CatalogException(m.SourceFile, m.Id, "insteadOf", "only a local entry (with prefecture regions) stands in for a national one");
            if (Find(m.InsteadOf!) is not { IsLocal: false })
                throw new CatalogException(m.SourceFile, m.Id, "insteadOf", $"'{m.InsteadOf}' is not a national entry of the catalog");
        }
    }

    public static readonly MeasureCatalog Empty = new([]);

    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>What each prefecture has of its own and the desks every one has (local-help.yaml); empty without the file.</summary>
    public LocalHelpTable LocalHelp { get; init; } = LocalHelpTable.Empty;

    public Measure? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Entries whose facts were last checked more than a year before <paramref name="today"/>.</summary>
    public IReadOnlyList<Measure> Stale(DateOnly today) => Measures.Where(m => m.IsStale(today)).ToList();

    /// <summary>Entries past their deadline (kept in the files for history, never recommended).</summary>
    public IReadOnlyList<Measure> Expired(DateOnly today) => Measures.Where(m => m.IsExpired(today)).ToList();
}

/// <summary>A catalog entry is wrong. The message names the file, the entry id and the field.</summary>
public sealed class CatalogException(string file, string? entryId, string field, string problem)
    : FormatException($"{file}: measure '{entryId ?? "(no id)"}': field '{field}': {problem}")
{
    public string File { get; } = file;
    public string? EntryId { get; } = entryId;
    public string Field { get; } = field;
}
