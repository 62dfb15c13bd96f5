using System.Text;
using Mamori.Core.Messages;

namespace Mamori.Host.Channels.Rendering;

/// <summary>The sources behind an answer as a numbered markdown list of links, numbered as in the answer ([1], [2], …).</summary>
internal static class CitationMarkdown
{
    public static string Build(IReadOnlyList<Citation> citations, string heading)
    {
        var builder = new StringBuilder().Append("**").Append(Markdown.Escape(heading)).Append("**\n\n");
        for (int i = 0; i < citations.Count; i++)
        {
            builder.Append(i + 1).Append(". [").Append(Markdown.Escape(citations[i].Title)).Append("](")
                .Append(Markdown.SafeUrl(citations[i].Url)).Append(")\n");
        }
        return builder.ToString().TrimEnd();
    }
}
