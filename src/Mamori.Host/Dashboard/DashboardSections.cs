using Mamori.Core.Diagnosis;
using Mamori.Core.Evidence;
using Mamori.Core.Measures;

namespace Mamori.Host.Dashboard;

/// <summary>One table of the dashboard and of the export: its title and how its row and column codes read in Japanese.</summary>
/// <param name="ColumnOrder">Where a column goes: a question's columns in the order of its choices (1〜5人 before 6〜20人), not as text.</param>
/// <param name="Chart">How the table is drawn above itself on the dashboard (never in the export).</param>
/// <param name="RowsByCount">Rows with the most companies in the first column first (a long list of measures), not by code.</param>
internal sealed record DashboardSection(
    string Id, string Title, Breakdown? Breakdown, Func<string, string> Row, Func<string, string> Column, bool Heat,
    Func<string, int>? ColumnOrder = null, DashboardChart Chart = DashboardChart.None, bool RowsByCount = false);

/// <summary>
/// A chart drawn by Chart.js from the table's shown cells: one bar per row (a series per column), rows across or, for long
/// labels, down the page; stacked when the columns are parts of one whole (a month's barriers).
/// </summary>
internal enum DashboardChart { None, Bars, StackedBars, HorizontalBars }

internal static class DashboardSections
{
    public static IReadOnlyList<DashboardSection> All(DiagnosisScript script, MeasureCatalog catalog)
    {
        Func<string, string> Label(string question) => code => script.TryGet(question, out var q) ? q.LabelOf(code) : code;
        Func<string, int> ChoiceOrder(string question) => code =>
            script.TryGet(question, out var q) && q.Choices.ToList().FindIndex(c => c.Code == code) is var i and >= 0 ? i : int.MaxValue;
        string One(string _) => "会社数";
        return
        [
            new("outcomes", "診断とその後", Breakdown.Outcomes, r => r, One, false),
            new("barrier-industry", "いちばんの壁 × 業種", Breakdown.BarrierByIndustry, DashboardWords.Stage, Label("industry"), true, ChoiceOrder("industry")),
            new("barrier-size", "いちばんの壁 × 従業員数", Breakdown.BarrierBySize, DashboardWords.Stage, Label("employees"), true, ChoiceOrder("employees")),
            new("barrier-prefecture", "いちばんの壁 × 都道府県", Breakdown.BarrierByPrefecture, DashboardWords.Stage, Label("prefecture"), true, ChoiceOrder("prefecture")),
            new("barrier-it", "いちばんの壁 × ITへの依存", Breakdown.BarrierByItDependence, DashboardWords.Stage, Label("it_dependence"), true, ChoiceOrder("it_dependence")),
            new("barrier-data", "いちばんの壁 × 扱う情報", Breakdown.BarrierByDataHeld, DashboardWords.Stage, Label("data_held"), true, ChoiceOrder("data_held")),
            new("barrier-chain", "いちばんの壁 × 取引先からの要請", Breakdown.BarrierBySupplyChain, DashboardWords.Stage, Label("supply_chain"), true, ChoiceOrder("supply_chain")),
            new("blocked", "止まっている段階（重複あり）", Breakdown.BlockedStages, DashboardWords.Stage, One, false, Chart: DashboardChart.HorizontalBars),
            new("support-types", "壁 × 勧めた支援の種類", Breakdown.BarrierBySupportType, DashboardWords.Stage, DashboardWords.SupportType, true, Chart: DashboardChart.Bars),
            new("steps", "取り組みの段階（ステップ）", Breakdown.Steps, r => $"ステップ{r}", One, false, Chart: DashboardChart.Bars),
            new("worrying", "懸念するパターン × ITへの依存", Breakdown.WorryingPattern, r => r == "1" ? "懸念するパターン" : "該当しない", Label("it_dependence"), true, ChoiceOrder("it_dependence")),
            new("months", "月ごとの推移（いちばんの壁）", Breakdown.Months, r => r, DashboardWords.Stage, false, Chart: DashboardChart.StackedBars),
            new("measures", "勧めた支援策と開かれた支援策", Breakdown.Measures, id => catalog.Find(id)?.Name ?? id, c => c == "opened" ? "開いた会社" : "勧めた会社", false,
                c => c == "opened" ? 1 : 0, DashboardChart.HorizontalBars, RowsByCount: true),
            new("missing", "地域の支援策が見当たらない壁", null, DashboardWords.Stage, Label("prefecture"), false, ChoiceOrder("prefecture")),
        ];
    }

    /// <summary>The columns of a table in the section's order.</summary>
    public static IReadOnlyList<string> Columns(DashboardSection section, IEnumerable<ShownCell> cells) =>
        cells.Select(c => c.Column).Distinct()
            .OrderBy(c => section.ColumnOrder?.Invoke(c) ?? 0).ThenBy(c => c, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The rows in path order for stages, else by code; for a section counted by rows, the most companies in its first
    /// column first (a hidden count, under k, counts as the fewest).
    /// </summary>
    public static IReadOnlyList<string> Rows(DashboardSection section, IReadOnlyList<ShownCell> cells)
    {
        var rows = cells.Select(c => c.Row).Distinct();
        if (!section.RowsByCount)
            return [.. rows.OrderBy(StageOrder).ThenBy(r => r, StringComparer.Ordinal)];
        var first = Columns(section, cells).FirstOrDefault();
        var companies = cells.Where(c => c.Column == first).ToDictionary(c => c.Row, c => c.Figures?.Companies ?? -1);
        return [.. rows.OrderByDescending(r => companies.GetValueOrDefault(r, -1)).ThenBy(r => r, StringComparer.Ordinal)];
    }

    private static int StageOrder(string row) => Array.IndexOf(["motivation", "awareness", "investment", "talent", "measures", "none", "undetermined"], row) is var i and >= 0 ? i : 100;
}
