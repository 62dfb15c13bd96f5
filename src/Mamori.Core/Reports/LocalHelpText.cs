using System.Globalization;
using Mamori.Core.Measures;
using Mamori.Core.Messages;

namespace Mamori.Core.Reports;

/// <summary>
/// 「お近くの相談先」 in the owner's words (report.yaml): the prefecture's own programmes or, honestly, that none was found,
/// then the desks every prefecture has, named for the prefecture (「大阪府のよろず支援拠点」「大阪府警察の…」).
/// </summary>
internal sealed class LocalHelpText(ReportTexts texts)
{
    public string Heading => texts["localHeading"];

    /// <summary>The one line the phone summary has room for: the first desk with a page of its own (the よろず支援拠点).</summary>
    public (string Title, string Url)? SummaryLine(LocalHelp? local) =>
        local?.Desks.FirstOrDefault(d => d.Url is not null) is { Url: { } url } desk
            ? (texts.Format("localSummary", ("desk", desk.Name)), url)
            : null;

    /// <summary>The catalog ids the summary line already links, so the same page is not listed twice beside it.</summary>
    public static IEnumerable<string> SummaryMeasureIds(LocalHelp? local) =>
        local?.Desks.FirstOrDefault(d => d.Url is not null)?.MeasureId is { } id ? [id] : [];

    /// <summary>The section's entries after the prefecture's own programmes (the composer lists those with their terms): the nothing-found sentence, then the desks.</summary>
    private List<CardItem> Items(LocalHelp local)
    {
        var items = new List<CardItem>();
        if (local is { NothingFound: true, PrefectureName: { } name })
            items.Add(new CardItem(texts.Format("localNothingFoundTitle", ("prefecture", name)), NothingFound(local, name)));
        foreach (var desk in local.Desks)
            items.Add(new CardItem(desk.Name, desk.What, desk.Url));
        return items;
    }

    /// <summary>The same entries as text lines for 「くわしく」, in the layout of the measures below them.</summary>
    public IEnumerable<string> Lines(LocalHelp local)
    {
        foreach (var item in Items(local))
        {
            yield return "・" + item.Title;
            if (item.Text.Length > 0)
                yield return "　" + item.Text;
            if (item.Url is { } url)
                yield return "　" + url;
        }
    }

    // 「大阪府が独自に行う…2026年11月の調べでは見つかりませんでした。府や市町村の…」: 府/県/道/都 is the name's last character.
    private string NothingFound(LocalHelp local, string name) => texts.Format("localNothingFound",
        ("prefecture", name),
        ("year", local.Searched.Year.ToString(CultureInfo.InvariantCulture)),
        ("month", local.Searched.Month.ToString(CultureInfo.InvariantCulture)),
        ("area", name[^1..]));
}
