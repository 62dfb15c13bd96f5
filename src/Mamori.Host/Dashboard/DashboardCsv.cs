using System.Globalization;
using System.Text;
using Mamori.Core.Evidence;

namespace Mamori.Host.Dashboard;

/// <summary>
/// Every table as one CSV in long form (表, 行, 列, 会社数, 件数, 平均評価), UTF-8 with a BOM so Excel reads the Japanese.
/// A suppressed cell keeps its place with 「k社未満」 and no numbers.
/// </summary>
internal static class DashboardCsv
{
    public static byte[] Write(IReadOnlyList<DashboardSection> sections, DashboardFigures figures, int k)
    {
        var csv = new StringBuilder();
        csv.Append("表,行,列,会社数,件数,平均評価\r\n");
        foreach (var section in sections)
        {
            var cells = section.Breakdown is { } b ? figures.Tables[b] : figures.MissingSupport;
            foreach (var cell in cells)
            {
                string row = section.Id == "outcomes" ? DashboardWords.Outcome(cell.Row, cell.Column) : section.Row(cell.Row);
                string column = section.Id == "outcomes" ? "" : section.Column(cell.Column);
                csv.Append(Field(section.Title)).Append(',').Append(Field(row)).Append(',').Append(Field(column)).Append(',');
                if (cell.Figures is not { } f)
                    csv.Append(Field($"{k}社未満")).Append(",,");
                else
                    csv.Append(f.Companies.ToString(CultureInfo.InvariantCulture)).Append(',').Append(f.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(cell.Row == "rated" && f.Count > 0 ? ((double)f.Sum / f.Count).ToString("0.00", CultureInfo.InvariantCulture) : "");
                csv.Append("\r\n");
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Quoted always; a leading = + - @ is prefixed with ' so a spreadsheet never runs a label as a formula.
    private static string Field(string value) =>
        "\"" + (value is [ '=' or '+' or '-' or '@', ..] ? "'" + value : value).Replace("\"", "\"\"") + "\"";
}
