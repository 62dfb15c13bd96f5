using System.Globalization;
using Mamori.Core.Diagnosis;
using Mamori.Core.Evidence;

namespace Mamori.Host.Dashboard;

/// <summary>The filters of /dashboard from its query string: a period in months and segment codes, each checked.</summary>
internal sealed record DashboardQuery(DateOnly? From, DateOnly? To, IReadOnlyDictionary<string, string> Segment, string? Tenant)
{
    /// <returns>The query, or the reason (Japanese, shown with a 400) why it cannot be used.</returns>
    public static (DashboardQuery? Query, string? Problem) Read(IQueryCollection query, DiagnosisScript script)
    {
        if (!TryMonth(query["from"], out var from) || !TryMonth(query["to"], out var to))
            return (null, "期間は「2026-04」のように年と月で指定してください。");
        if (from > to)
            return (null, "期間の始まりが終わりより後になっています。");
        var segment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in Mamori.Core.Evidence.Segment.Questions)
        {
            string? code = query[question];
            if (string.IsNullOrEmpty(code))
                continue;
            if (code.Length > 40 || !script.TryGet(question, out var q) || !q.Accepts(code))
                return (null, $"「{question}」に「{Cut(code)}」という区分はありません。");
            segment[question] = code;
        }
        string? tenant = query["tenant"];
        if (tenant is { Length: > 100 })
            return (null, "窓口の指定が長すぎます。");
        return (new DashboardQuery(from, to, segment, string.IsNullOrEmpty(tenant) ? null : tenant), null);
    }

    public EvidenceFilter Filter(IReadOnlyList<string> tenants) => new(tenants, From, To, Segment);

    /// <summary>The same filters as a query string, for the CSV link and the print.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        if (From is { } f) parts.Add("from=" + f.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (To is { } t) parts.Add("to=" + t.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        parts.AddRange(Segment.Select(s => $"{s.Key}={Uri.EscapeDataString(s.Value)}"));
        if (Tenant is not null) parts.Add("tenant=" + Uri.EscapeDataString(Tenant));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static bool TryMonth(string? text, out DateOnly? month)
    {
        month = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (text.Length != 7 || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        month = parsed;
        return true;
    }

    private static string Cut(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
