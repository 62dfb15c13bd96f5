using System.Text;

namespace Mamori.Host.Channels.Rendering;

/// <summary>
/// Splits long bot text into bubbles that fit a phone screen: whole paragraphs where possible, then whole lines,
/// then whole sentences (。！？), and only as a last resort a hard cut.
/// </summary>
internal static class TextSplitter
{
    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?'];

    public static IReadOnlyList<string> Split(string text, int maxChars)
    {
        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (normalized.Length <= maxChars)
            return normalized.Length == 0 ? [] : [normalized];

        var bubbles = new List<string>();
        var current = new StringBuilder();
        foreach (var (joiner, piece) in Pieces(normalized, maxChars))
        {
            string separator = current.Length == 0 ? "" : joiner;
            if (current.Length > 0 && current.Length + separator.Length + piece.Length > maxChars)
            {
                bubbles.Add(current.ToString().Trim());
                current.Clear();
                separator = "";
            }
            current.Append(separator).Append(piece);
        }
        if (current.Length > 0)
            bubbles.Add(current.ToString().Trim());
        return bubbles;
    }

    /// <summary>Pieces no longer than <paramref name="maxChars"/>, each with what joins it to the piece before.</summary>
    private static IEnumerable<(string Joiner, string Piece)> Pieces(string text, int maxChars)
    {
        foreach (string paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (paragraph.Length <= maxChars)
            {
                yield return ("\n\n", paragraph);
                continue;
            }

            string joiner = "\n\n";
            foreach (string line in paragraph.Split('\n'))
            {
                foreach (string sentence in Sentences(line, maxChars))
                {
                    yield return (joiner, sentence);
                    joiner = "";
                }
                joiner = "\n";
            }
        }
    }

    private static IEnumerable<string> Sentences(string line, int maxChars)
    {
        int start = 0;
        while (start < line.Length)
        {
            int end = line.IndexOfAny(SentenceEnds, start);
            string sentence = end < 0 ? line[start..] : line[start..(end + 1)];
            start = end < 0 ? line.Length : end + 1;
            for (int i = 0; i < sentence.Length; i += maxChars)
                yield return sentence.Substring(i, Math.Min(maxChars, sentence.Length - i));
        }
    }
}
