using Mamori.Core.Measures;
using Mamori.Knowledge.Documents;

namespace Mamori.Cli.Review;

/// <summary>
/// What the people who keep knowledge/ should look at, as of one day: entries and documents not reviewed for a while,
/// deadlines passed, dated facts grown old, links that are a site's top page or shared, documents whose one source
/// cannot be the page of everything they state, cautions still open. A report for humans: nothing here is an error.
/// </summary>
internal static class CatalogReview
{
    public const int ReviewMonths = 6;
    public const int FactMonths = 12;

    public static IReadOnlyList<ReviewItem> Of(MeasureCatalog catalog, IReadOnlyList<KnowledgeDocument> documents, DateOnly today)
    {
        var items = new List<ReviewItem>();
        foreach (var m in catalog.Measures)
        {
            var at = new ReviewTarget("measure", m.Id, m.SourceFile);
            if (m.Reviewed.AddMonths(ReviewMonths) < today)
                items.Add(new(at, ReviewKind.NotReviewed, $"last reviewed {m.Reviewed:yyyy-MM-dd}, more than {ReviewMonths} months ago"));
            if (m.IsExpired(today))
                items.Add(new(at, ReviewKind.PastValidUntil, $"validUntil {m.ValidUntil:yyyy-MM-dd} has passed: never recommended; move the date or drop the entry"));
            foreach (var fact in m.AsOf.Where(f => f.IsOlderThan(FactMonths, today)))
                items.Add(new(at, ReviewKind.OldFact, $"「{fact.Fact}」 is {fact.Label}, more than {FactMonths} months ago"));
            if (IsTopPage(m.Url))
                items.Add(new(at, ReviewKind.TopPageUrl, $"url {m.Url} is a site's top page, not the page of the entry's facts"));
            if (m.Caution is { } caution)
                items.Add(new(at, ReviewKind.OpenCaution, caution));
        }
        foreach (var shared in catalog.Measures.GroupBy(m => Normalize(m.Url)).Where(g => g.Count() > 1))
        {
            var ids = string.Join(", ", shared.Select(m => m.Id));
            foreach (var m in shared)
                items.Add(new(new("measure", m.Id, m.SourceFile), ReviewKind.SharedUrl, $"url {m.Url} is also the url of: {ids}"));
        }

        foreach (var d in documents)
        {
            var at = new ReviewTarget("document", d.Id, "docs/" + Path.GetFileName(d.Path));
            if (d.Reviewed.AddMonths(ReviewMonths) < today)
                items.Add(new(at, ReviewKind.NotReviewed, $"last reviewed {d.Reviewed:yyyy-MM-dd}, more than {ReviewMonths} months ago"));
            if (IsTopPage(d.Source.Url))
                items.Add(new(at, ReviewKind.TopPageUrl, $"source.url {d.Source.Url} is a site's top page, not the page of the document's facts"));
            var cited = CitedUrls(d).ToList();
            var perSection = d.SectionSources.Values.Select(Normalize).ToHashSet(StringComparer.Ordinal);
            var elsewhere = cited.Where(u => u != Normalize(d.Source.Url) && !perSection.Contains(u)).Distinct().ToList();
            if (elsewhere.Count > 0)
                items.Add(new(at, ReviewKind.DocumentSource,
                    $"cites {elsewhere.Count} page(s) besides source.url without a sectionSources entry: {string.Join(" ", elsewhere.Take(3))}"));
        }
        return items.OrderBy(i => i.Target.Kind, StringComparer.Ordinal).ThenBy(i => i.Target.Id, StringComparer.Ordinal)
            .ThenBy(i => i.Kind).ToList();
    }

    /// <summary>A URL whose path is empty or "/" (or an index page at the root): the site's front door.</summary>
    public static bool IsTopPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.TrimEnd('/') is "" or "/index.html" or "/index.php"
        && string.IsNullOrEmpty(uri.Query);

    // The 出典 section's official pages: the lines an author cites as evidence, marked (2次) or not.
    private static IEnumerable<string> CitedUrls(KnowledgeDocument d) =>
        d.Sections.Where(s => s.Heading == "出典")
            .SelectMany(s => s.Body.Split('\n'))
            .Select(line => line.TrimStart('-', ' '))
            .Where(line => line.StartsWith("http", StringComparison.Ordinal) && !line.Contains("2次", StringComparison.Ordinal))
            .Select(line => Normalize(line.Split(' ', '　', '（')[0]));

    private static string Normalize(string url) => url.Trim().TrimEnd('/');
}

internal enum ReviewKind { NotReviewed, PastValidUntil, OldFact, TopPageUrl, SharedUrl, DocumentSource, OpenCaution }

/// <param name="Kind">"measure" or "document".</param>
internal sealed record ReviewTarget(string Kind, string Id, string File);

internal sealed record ReviewItem(ReviewTarget Target, ReviewKind Kind, string Detail);
