namespace Mamori.Knowledge.Documents;

/// <summary>One guideline document from knowledge/docs/&lt;id&gt;.md, front matter validated (FORMATS.md).</summary>
/// <param name="Topic">The short button label offered when a question is close to this document (≤ 20 characters), or null.</param>
/// <param name="Sections">The document's `##` sections in order; text before the first `##` becomes a section with an empty heading.</param>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    DocumentSource Source,
    DateOnly Reviewed,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> SupportTypes,
    string Region,
    string Audience,
    IReadOnlyList<DocumentSection> Sections,
    string Path,
    string? Topic = null)
{
    /// <summary>
    /// Where a document draws on several pages: the page each `##` section's facts come from, by heading. A section not
    /// listed rests on <see cref="Source"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> SectionSources { get; init; } = new Dictionary<string, string>();
}

public sealed record DocumentSource(string Publisher, string Url, DateOnly Published);

/// <param name="Heading">The `##` heading text without the marks; empty for a lead paragraph.</param>
/// <param name="Body">The section's Markdown body, trimmed.</param>
public sealed record DocumentSection(string Heading, string Body);
