using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;

namespace Mamori.Host.Reports;

/// <summary>The printable report: the diagnosis card as a document, the stage picture, measures with links, the desk.</summary>
internal static class ReportPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);   // Japan has no daylight saving time

    public static string Render(ReportSnapshot report, Tenant tenant, HostTexts texts)
    {
        var e = Html;
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
            .Append("</p><button type=\"button\" class=\"report-print\" id=\"report-print\">").Append(e.Encode(texts.ReportPrint)).Append("</button></header><main>");

        if (report.Image is { } image && report.ImageUrl is { } url)
        {
            html.Append("<figure class=\"report-figure\"><img src=\"").Append(e.Encode(url)).Append("\" alt=\"").Append(e.Encode(image.AltText))
                .Append("\"><figcaption>").Append(e.Encode(image.AltText)).Append("</figcaption></figure>");
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
                if (!string.IsNullOrWhiteSpace(item.Text))
                    html.Append("<p>").Append(e.Encode(item.Text)).Append("</p>");
                html.Append("</li>");
            }
            html.Append("</ul></section>");
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

    public static string Message(string title, string message)
    {
        var e = Html;
        return $"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
               $"<title>{e.Encode(title)}</title><link rel=\"stylesheet\" href=\"/report.css\"></head><body><main><h1>{e.Encode(title)}</h1>" +
               $"<p>{e.Encode(message)}</p></main></body></html>";
    }
}
