using System.Text;
using System.Text.Json;
using Mamori.Core.Evidence;
using static System.Net.WebUtility;

namespace Mamori.Host.Dashboard;

/// <summary>
/// The chart above a table: a canvas whose data-chart attribute holds the figures and labels as JSON, drawn by
/// wwwroot/dashboard.js with Chart.js (bundled from npm, never a CDN). Only shown cells are drawn: a cell suppressed
/// for having fewer than k companies is a gap, exactly as in the table, so the chart reveals nothing the table hides.
/// Without JavaScript (or on paper before it has drawn) the table below says the same.
/// </summary>
internal static class DashboardCharts
{
    /// <summary>Long lists drawn down the page (the measures) draw their largest rows only; the table has the rest.</summary>
    public const int MaxBars = 10;

    /// <summary>Months are drawn in order, the latest two years at most.</summary>
    public const int MaxMonths = 24;

    public static void Append(StringBuilder html, DashboardSection section, IReadOnlyList<ShownCell> cells)
    {
        if (section.Chart == DashboardChart.None || cells.Count == 0)
            return;
        var columns = DashboardSections.Columns(section, cells);
        var byCell = cells.ToDictionary(c => (c.Row, c.Column));
        var rows = DashboardSections.Rows(section, cells).ToList();
        bool cut = section.Chart == DashboardChart.HorizontalBars && rows.Count > MaxBars;
        if (cut)
        {
            rows = rows[..MaxBars];   // the table's first rows: the largest, where the section is ordered by count
        }
        else if (section.Chart == DashboardChart.StackedBars && rows.Count > MaxMonths)
        {
            rows = rows[^MaxMonths..];
        }

        var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", section.Chart switch
            {
                DashboardChart.StackedBars => "stacked",
                DashboardChart.HorizontalBars => "horizontal",
                _ => "bars",
            });
            writer.WriteStartArray("labels");
            foreach (var row in rows)
                writer.WriteStringValue(section.Row(row));
            writer.WriteEndArray();
            writer.WriteStartArray("series");
            foreach (var column in columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", section.Column(column));
                writer.WriteStartArray("values");
                foreach (var row in rows)
                {
                    if (byCell.TryGetValue((row, column), out var cell) && cell.Figures is null)
                        writer.WriteNullValue();   // suppressed: a gap, as the table's ＊
                    else
                        writer.WriteNumberValue(cell?.Figures?.Companies ?? 0);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        string label = section.Title + (cut ? $"（多い順に{MaxBars}件）" : "") + "のグラフ。数字は下の表にあります。";
        html.Append("<figure class=\"dash-figure\"><div class=\"dash-chart").Append(section.Chart == DashboardChart.HorizontalBars ? " dash-chart-tall" : "")
            .Append("\"><canvas role=\"img\" aria-label=\"").Append(HtmlEncode(label)).Append("\" data-chart=\"")
            .Append(HtmlEncode(Encoding.UTF8.GetString(json.ToArray()))).Append("\"></canvas></div>");
        if (cut)
            html.Append("<figcaption>多い順に").Append(MaxBars).Append("件。すべては下の表にあります。</figcaption>");
        html.Append("</figure>");
    }
}
