namespace Mamori.Knowledge.Documents;

/// <summary>Splits a Markdown body at `##` headings. The `#` title line is dropped (the front matter title is authoritative).</summary>
internal static class MarkdownSections
{
    public static IReadOnlyList<DocumentSection> Split(string body)
    {
        var sections = new List<DocumentSection>();
        string heading = string.Empty;
        var lines = new List<string>();
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = line[3..].Trim();
            }
            else if (!(line.StartsWith("# ", StringComparison.Ordinal) && sections.Count == 0 && heading.Length == 0))
            {
                lines.Add(line);
            }
        }
        Flush();
        return sections;

        void Flush()
        {
            string text = string.Join('\n', lines).Trim();
            if (text.Length > 0 || heading.Length > 0)
                sections.Add(new DocumentSection(heading, text));
            lines.Clear();
        }
    }
}
