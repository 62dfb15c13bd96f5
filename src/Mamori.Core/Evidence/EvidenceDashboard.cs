using Mamori.Core.Domain;
using Mamori.Core.Measures;

namespace Mamori.Core.Evidence;

/// <summary>
/// The dashboard's figures: every breakdown counted by the store, each cell with fewer than k companies suppressed
/// (its numbers are dropped here, so neither page nor export can show them), and where support is missing.
/// </summary>
public sealed class EvidenceDashboard(IEvidenceStore store, MeasureCatalog catalog)
{
    public static readonly IReadOnlyList<Breakdown> Breakdowns = Enum.GetValues<Breakdown>();

    public async Task<DashboardFigures> BuildAsync(EvidenceFilter filter, int k, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<Breakdown, IReadOnlyList<ShownCell>>();
        foreach (var breakdown in Breakdowns)
            tables[breakdown] = Suppress(await store.CountAsync(breakdown, filter, cancellationToken), k);
        return new DashboardFigures(tables, MissingSupport(tables[Breakdown.BarrierByPrefecture]));
    }

    public static IReadOnlyList<ShownCell> Suppress(IEnumerable<EvidenceCell> cells, int k) =>
        [.. cells.Select(c => c.Companies >= k ? new ShownCell(c.Row, c.Column, c) : new ShownCell(c.Row, c.Column, null))];

    /// <summary>
    /// A barrier seen in a prefecture (at least k companies) for which the catalog has no measure of that prefecture's
    /// own: national programmes exist everywhere, so the gap is local support (domain.md §8).
    /// </summary>
    private IReadOnlyList<ShownCell> MissingSupport(IReadOnlyList<ShownCell> byPrefecture) =>
        [.. byPrefecture
            .Where(c => c.Figures is not null && DomainCodes.TryParseStage(c.Row, out _) && c.Column != "unknown")
            .Where(c => !catalog.Measures.Any(m => m.IsLocal && m.Eligibility.Regions.Contains(c.Column) && m.Barriers.Any(b => b.Code() == c.Row)))
            .OrderByDescending(c => c.Figures!.Companies)];
}

/// <param name="Figures">Null when the cell has fewer than k companies: suppressed.</param>
public sealed record ShownCell(string Row, string Column, EvidenceCell? Figures);

public sealed record DashboardFigures(IReadOnlyDictionary<Breakdown, IReadOnlyList<ShownCell>> Tables, IReadOnlyList<ShownCell> MissingSupport);
