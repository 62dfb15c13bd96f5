using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Mamori.Host.Widget;

/// <summary>
/// HTML templates from Pages/*.html with {{name}} holes, filled per request (HTML-encoded). The pages carry no inline
/// script or style; the only per-request value that matters for security is the CSP nonce Web Chat puts on its
/// generated &lt;style&gt; elements.
/// </summary>
public sealed class PageTemplates
{
    // Japanese stays readable in the page source; only HTML-significant characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        string template = _cache.GetOrAdd(name, n => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages", n)));
        string html = template;
        foreach (var (key, value) in values)
            html = html.Replace("{{" + key + "}}", Html.Encode(value), StringComparison.Ordinal);
        return html;
    }
}
