namespace Mamori.Core.Measures;

/// <summary>
/// What the result names as local help for one company (knowledge/measures/local-help.yaml): its prefecture's own
/// catalog entries, or that none was found, and the desks every prefecture has, named for the prefecture.
/// </summary>
/// <param name="Prefecture">The prefecture code; null when the owner did not say (then the desks carry their nationwide names).</param>
/// <param name="PrefectureName">「大阪府」; null with <paramref name="Prefecture"/>.</param>
/// <param name="OwnMeasures">The prefecture's own entries this company may use now (open, and eligible).</param>
/// <param name="NothingFound">The prefecture has no programme of its own that we found (never set for an unknown prefecture).</param>
/// <param name="Searched">The month of the search, the first day of it: 「2026年11月の調べでは」.</param>
/// <param name="Reviewed">When the prefecture's row was last checked; null for an unknown prefecture.</param>
public sealed record LocalHelp(
    string? Prefecture,
    string? PrefectureName,
    IReadOnlyList<string> OwnMeasures,
    bool NothingFound,
    DateOnly Searched,
    DateOnly? Reviewed,
    IReadOnlyList<LocalDesk> Desks);

/// <param name="Kind">yorozu, chamber, police … (the file's kinds).</param>
/// <param name="Name">「大阪府のよろず支援拠点」, or the nationwide name when the prefecture is not known.</param>
/// <param name="What">One sentence on what it is for.</param>
/// <param name="MeasureId">The catalog entry the link comes from; null for a desk without a page of its own.</param>
public sealed record LocalDesk(string Kind, string Name, string What, string? MeasureId, string? Url);

/// <summary>One kind of desk every prefecture has; {prefecture} and {police} in <see cref="Name"/> are filled per prefecture.</summary>
internal sealed record LocalDeskKind(string Kind, string Name, string Anywhere, string What, string? MeasureId);

/// <summary>One prefecture as checked: its own entries (none = nothing found) and, where it differs, its police's name.</summary>
/// <param name="Listed">An explicit row of the file rather than the default for every other prefecture.</param>
internal sealed record LocalRow(IReadOnlyList<string> Own, string? Police, DateOnly Reviewed, IReadOnlyList<string> Sources, bool Listed);

/// <summary>The compiled local-help.yaml, checked against the catalog and the prefecture codes when loaded.</summary>
public sealed class LocalHelpTable
{
    public const string FileName = "local-help.yaml";

    private readonly IReadOnlyList<LocalDeskKind> _desks;
    private readonly IReadOnlyDictionary<string, LocalRow> _rows;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly string _police;

    internal LocalHelpTable(DateOnly searched, string police, IReadOnlyList<LocalDeskKind> desks,
        IReadOnlyDictionary<string, LocalRow> rows, IReadOnlyDictionary<string, string> names)
    {
        Searched = searched;
        _police = police;
        _desks = desks;
        _rows = rows;
        _names = names;
    }

    /// <summary>No file (a test catalog): the result has no local help.</summary>
    public static readonly LocalHelpTable Empty = new(default, "", [], new Dictionary<string, LocalRow>(), new Dictionary<string, string>());

    public bool IsEmpty => _desks.Count == 0;

    public DateOnly Searched { get; }

    /// <summary>The prefectures with a row of their own (the rest share the nothing-found default).</summary>
    public IEnumerable<string> Listed => _rows.Where(r => r.Value.Listed).Select(r => r.Key);

    /// <summary>The row for a prefecture code, listed or the default.</summary>
    internal LocalRow? Row(string prefecture) => _rows.GetValueOrDefault(prefecture);

    /// <param name="prefecture">A prefecture code, or null when not known.</param>
    /// <param name="offerable">Whether the company may be sent to an entry now (open, and eligible for it).</param>
    public LocalHelp? For(string? prefecture, MeasureCatalog catalog, Func<Measure, bool> offerable)
    {
        if (IsEmpty)
            return null;
        if (prefecture is null || !_rows.TryGetValue(prefecture, out var row) || !_names.TryGetValue(prefecture, out var name))
            return new LocalHelp(null, null, [], false, Searched, null, _desks.Select(d => Desk(d, d.Anywhere, catalog)).ToList());

        var police = row.Police ?? _police.Replace("{prefecture}", name, StringComparison.Ordinal);
        var desks = _desks.Select(d => Desk(d, d.Name.Replace("{prefecture}", name, StringComparison.Ordinal)
            .Replace("{police}", police, StringComparison.Ordinal), catalog)).ToList();
        var own = row.Own.Where(id => catalog.Find(id) is { } m && offerable(m)).ToList();
        return new LocalHelp(prefecture, name, own, row.Own.Count == 0, Searched, row.Reviewed, desks);
    }

    private static LocalDesk Desk(LocalDeskKind kind, string name, MeasureCatalog catalog) =>
        new(kind.Kind, name, kind.What, kind.MeasureId, kind.MeasureId is null ? null : catalog.Find(kind.MeasureId)?.Url);
}
