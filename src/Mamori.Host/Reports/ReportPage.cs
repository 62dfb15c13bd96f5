using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;

namespace Mamori.Host.Reports;

/// <summary>What one reader sees: the owner (no reviewer notes) or the tenant's adviser (with them).</summary>
/// <remarks>The card never carries reviewer notes (the composer leaves them out; Core's OwnerFacingTextTests), so the
/// owner's page is the card as it is; the adviser's view adds the cautions from <see cref="ReportDetails"/>.</remarks>
/// <param name="PreparedBy">The desk member who ran the diagnosis with the owner and the desk's name, printed under the title; null for the bot's reports.</param>
internal sealed record ReportView(ReportSnapshot Report, ReportDetails Details, bool Adviser, (string Adviser, string Desk)? PreparedBy = null);

/// <summary>
/// The printable report: the company profile, the diagnosis card as a document, the stage picture (a link to the full
/// size), measures with links, every answer (「わからない」 marked 「確認が必要」), the desk; for an adviser also the
/// reviewers' cautions on the recommended measures. Two A4 pages for a typical company (report.css).
/// </summary>
internal static class ReportPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);   // Japan has no daylight saving time

    public static string Render(ReportView view, Tenant tenant, HostTexts texts, ReportPageTexts words)
    {
        var e = Html;
        var report = view.Report;
        var html = new StringBuilder(8 * 1024);
        string title = $"{tenant.Options.DisplayName} {texts.ReportTitle}";
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(e.Encode(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/report.css\"><script src=\"/report.js\" defer></script></head><body>")
            .Append("<header class=\"report-header\"><p class=\"report-tenant\">").Append(e.Encode(tenant.Options.DisplayName)).Append("</p>")
            .Append("<h1>").Append(e.Encode(report.Card.Title)).Append("</h1>")
            .Append("<p class=\"report-meta\">").Append(e.Encode(texts.ReportGenerated)).Append(": ")
            .Append(e.Encode(report.CreatedAt.ToOffset(JapanOffset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)))
            .Append("</p>");
        if (view.PreparedBy is (var preparer, var preparerDesk))
            html.Append("<p class=\"report-meta report-prepared\">").Append(e.Encode(words.PreparedBy(preparer, preparerDesk))).Append("</p>");
        html.Append("<button type=\"button\" class=\"report-print\" id=\"report-print\">").Append(e.Encode(texts.ReportPrint)).Append("</button></header><main>");

        if (view.Details.Profile.Count > 0)
        {
            html.Append("<section class=\"report-section report-profile\"><h2>").Append(e.Encode(words["profileHeading"])).Append("</h2><dl>");
            foreach (var row in view.Details.Profile)
                AnswerRow(html, row, words);
            html.Append("</dl></section>");
        }

        if (report.Image is { } image && report.ImageUrl is { } url)
        {
            // Tapping the picture opens it full size (a phone shows it small).
            html.Append("<figure class=\"report-figure\"><a href=\"").Append(e.Encode(url)).Append("\" target=\"_blank\" rel=\"noopener\"><img src=\"")
                .Append(e.Encode(url)).Append("\" alt=\"").Append(e.Encode(image.AltText))
                .Append("\"></a><figcaption>").Append(e.Encode(image.AltText)).Append("</figcaption></figure>");
        }

        foreach (var section in report.Card.Sections)
        {
            html.Append("<section class=\"report-section\"><h2>").Append(e.Encode(section.Heading)).Append("</h2><ul>");
            foreach (var item in section.Items)
            {
                html.Append("<li><p class=\"report-item-title\">");
                if (item.Url is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                {
                    html.Append("<a href=\"").Append(e.Encode(uri.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\">").Append(e.Encode(item.Title))
                        .Append("</a> <span class=\"report-url\">").Append(e.Encode(uri.AbsoluteUri)).Append("</span>");
                }
                else
                {
                    html.Append(e.Encode(item.Title));
                }
                html.Append("</p>");
                foreach (var line in item.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    html.Append("<p>").Append(e.Encode(line)).Append("</p>");
                html.Append("</li>");
            }
            html.Append("</ul></section>");
        }

        if (view.Details.Answers.Count > 0)
        {
            html.Append("<section class=\"report-section report-answers\"><h2>").Append(e.Encode(words["answersHeading"])).Append("</h2>");
            foreach (var group in view.Details.Answers)
            {
                html.Append("<h3>").Append(e.Encode(group.Heading)).Append("</h3><dl>");
                foreach (var row in group.Answers)
                    AnswerRow(html, row, words);
                html.Append("</dl>");
            }
            if (view.Details.Profile.Concat(view.Details.Answers.SelectMany(g => g.Answers)).Any(a => a.Unknown))
                html.Append("<p class=\"report-note\">").Append(e.Encode(words["needsCheckNote"])).Append("</p>");
            html.Append("</section>");
        }

        if (view.Adviser)
        {
            html.Append("<section class=\"report-section report-adviser\"><h2>").Append(e.Encode(words["adviserHeading"])).Append("</h2>");
            if (view.Details.Cautions.Count == 0)
                html.Append("<p>").Append(e.Encode(words["adviserNone"])).Append("</p>");
            else
            {
                html.Append("<ul>");
                foreach (var caution in view.Details.Cautions)
                    html.Append("<li><p class=\"report-item-title\">").Append(e.Encode(caution.Measure)).Append("</p><p>").Append(e.Encode(caution.Note)).Append("</p></li>");
                html.Append("</ul>");
            }
            if (view.Details.Skipped.Count > 0)
            {
                html.Append("<h3>").Append(e.Encode(words["skippedHeading"])).Append("</h3><ul>");
                foreach (var group in view.Details.Skipped.GroupBy(s => s.Reason))
                    html.Append("<li><p class=\"report-item-title\">").Append(e.Encode(string.Join("、", group.Select(s => s.Topic)))).Append("</p><p>").Append(e.Encode(group.Key)).Append("</p></li>");
                html.Append("</ul>");
            }
            html.Append("</section>");
        }

        var desk = tenant.Options.SupportDesk;
        if (desk.Name is not null || desk.Phone is not null || desk.Email is not null || desk.Url is not null)
        {
            html.Append("<section class=\"report-section report-desk\"><h2>").Append(e.Encode(texts.ReportSupportDesk)).Append("</h2><p>");
            foreach (string? part in new[] { desk.Name, desk.Phone, desk.Email, desk.Url })
            {
                if (!string.IsNullOrWhiteSpace(part))
                    html.Append(e.Encode(part)).Append("<br>");
            }
            html.Append("</p></section>");
        }

        html.Append("<p class=\"report-disclaimer\">").Append(e.Encode(texts.ReportDisclaimer)).Append("</p></main></body></html>");
        return html.ToString();
    }

    private static void AnswerRow(StringBuilder html, ReportAnswer row, ReportPageTexts words)
    {
        html.Append("<div class=\"report-answer").Append(row.Unknown ? " report-unknown" : "").Append("\"><dt>").Append(Html.Encode(row.Topic))
            .Append("</dt><dd>").Append(Html.Encode(row.Said));
        if (row.Unknown)
            html.Append(" <span class=\"report-check\">").Append(Html.Encode(words["needsCheck"])).Append("</span>");
        html.Append("</dd></div>");
    }

    public static string Message(string title, string message)
    {
        var e = Html;
        return $"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
               $"<title>{e.Encode(title)}</title><link rel=\"stylesheet\" href=\"/report.css\"></head><body><main><h1>{e.Encode(title)}</h1>" +
               $"<p>{e.Encode(message)}</p></main></body></html>";
    }
}
