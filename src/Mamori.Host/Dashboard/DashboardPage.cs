using System.Globalization;
using System.Text;
using Mamori.Core.Evidence;
using Mamori.Host.Desk.Console;
using static System.Net.WebUtility;

namespace Mamori.Host.Dashboard;

/// <summary>
/// /desk/dashboard as server-rendered HTML: the filters, then every table, some with a chart above (<see cref="DashboardCharts"/>);
/// heat maps shaded by CSS classes (the desk's CSP allows no inline style), suppressed cells shown as ＊. Prints as it is
/// (the filters are hidden on paper).
/// </summary>
internal static class DashboardPage
{
    public static string Render(DashboardView view)
    {
        var html = DeskPages.Start(DashboardWords.Title, view.Title, view.Session, view.Token, refresh: false);
        html.Append("<link rel=\"stylesheet\" href=\"/dashboard.css\"><main class=\"desk-main dash\"><h1>").Append(DashboardWords.Title).Append("</h1>")
            .Append("<p class=\"dash-scope\">").Append(HtmlEncode(view.Scope)).Append("</p>");
        Filters(html, view);
        html.Append("<p class=\"dash-note\">").Append(HtmlEncode(DashboardWords.SuppressedNote(view.K))).Append(" 会社はお名前ではなく、匿名の番号で数えています。</p>")
            .Append("<p class=\"dash-actions\"><a class=\"desk-button\" href=\"/desk/dashboard.csv").Append(HtmlEncode(view.Query.QueryString()))
            .Append("\" data-csv>CSVで保存</a></p>");
        foreach (var section in view.Sections)
        {
            var cells = section.Breakdown is { } b ? view.Figures.Tables[b] : view.Figures.MissingSupport;
            html.Append("<section class=\"dash-section\" id=\"").Append(section.Id).Append("\"><h2>").Append(HtmlEncode(section.Title)).Append("</h2>");
            if (section.Id == "outcomes")
                Outcomes(html, cells);
            else if (cells.Count == 0)
                html.Append("<p>まだ数えられる診断がありません。</p>");
            else
            {
                DashboardCharts.Append(html, section, cells);
                Table(html, section, cells);
            }
            html.Append("</section>");
        }
        html.Append("</main><script src=\"/lib/chart.umd.min.js\" defer></script><script src=\"/dashboard.js\" defer></script>");
        return DeskPages.End(html);
    }

    private static void Filters(StringBuilder html, DashboardView view)
    {
        html.Append("<form method=\"get\" action=\"/desk/dashboard\" class=\"dash-filters\">")
            .Append("<label>期間（始め）<input type=\"month\" name=\"from\" value=\"").Append(Month(view.Query.From)).Append("\"></label>")
            .Append("<label>期間（終わり）<input type=\"month\" name=\"to\" value=\"").Append(Month(view.Query.To)).Append("\"></label>");
        foreach (var (question, title, choices) in view.SegmentChoices)
        {
            view.Query.Segment.TryGetValue(question, out var chosen);
            html.Append("<label>").Append(HtmlEncode(title)).Append("<select name=\"").Append(question).Append("\"><option value=\"\">すべて</option>");
            foreach (var (code, label) in choices)
                html.Append("<option value=\"").Append(HtmlEncode(code)).Append('"').Append(code == chosen ? " selected" : "").Append('>').Append(HtmlEncode(label)).Append("</option>");
            html.Append("</select></label>");
        }
        if (view.Tenants.Count > 1)
        {
            html.Append("<label>窓口<select name=\"tenant\"><option value=\"\">すべて</option>");
            foreach (var (id, name) in view.Tenants)
                html.Append("<option value=\"").Append(HtmlEncode(id)).Append('"').Append(id == view.Query.Tenant ? " selected" : "").Append('>').Append(HtmlEncode(name)).Append("</option>");
            html.Append("</select></label>");
        }
        html.Append("<button type=\"submit\" class=\"desk-button\">絞り込む</button></form>");
    }

    private static void Outcomes(StringBuilder html, IReadOnlyList<ShownCell> cells)
    {
        html.Append("<dl class=\"dash-figures\">");
        foreach (var cell in cells)
        {
            string value = cell.Figures is not { } f ? DashboardWords.Suppressed
                : cell.Row == "rated" && f.Count > 0 ? $"{f.Companies}社（平均 {(double)f.Sum / f.Count:0.0} / 5）"
                : $"{f.Companies}社";
            html.Append("<div><dt>").Append(HtmlEncode(DashboardWords.Outcome(cell.Row, cell.Column))).Append("</dt><dd data-row=\"")
                .Append(HtmlEncode(cell.Row + "/" + cell.Column)).Append("\">").Append(HtmlEncode(value)).Append("</dd></div>");
        }
        html.Append("</dl>");
    }

    private static void Table(StringBuilder html, DashboardSection section, IReadOnlyList<ShownCell> cells)
    {
        var columns = DashboardSections.Columns(section, cells);
        var byCell = cells.ToDictionary(c => (c.Row, c.Column));
        int max = Math.Max(1, cells.Max(c => c.Figures?.Companies ?? 0));
        html.Append("<div class=\"dash-scroll\"><table class=\"dash-table\"><thead><tr><th scope=\"col\"></th>");
        foreach (var column in columns)
            html.Append("<th scope=\"col\">").Append(HtmlEncode(section.Column(column))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in DashboardSections.Rows(section, cells))
        {
            html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(section.Row(row))).Append("</th>");
            foreach (var column in columns)
            {
                if (!byCell.TryGetValue((row, column), out var cell))
                    html.Append("<td class=\"heat-0\">0</td>");
                else if (cell.Figures is not { } f)
                    html.Append("<td class=\"dash-suppressed\" title=\"少数のため非表示\">").Append(DashboardWords.Suppressed).Append("</td>");
                else
                    html.Append("<td class=\"").Append(section.Heat ? $"heat-{(int)Math.Ceiling(4.0 * f.Companies / max)}" : "heat-0").Append("\">")
                        .Append(f.Companies.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }

    private static string Month(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "";
}

internal sealed record DashboardView(
    string Title, string Scope, DeskSession Session, FormToken Token, DashboardQuery Query, int K,
    IReadOnlyList<DashboardSection> Sections, DashboardFigures Figures,
    IReadOnlyList<(string Question, string Title, IReadOnlyList<(string Code, string Label)> Choices)> SegmentChoices,
    IReadOnlyList<(string Id, string Name)> Tenants);
