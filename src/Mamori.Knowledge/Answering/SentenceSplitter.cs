using System.Text.RegularExpressions;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Splits a Markdown passage into sentences a user can read on their own: one per line item or per 。！？ ending,
/// with list markers and emphasis removed (the quoted sentence must still read naturally in a chat bubble).
/// </summary>
internal static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string passage)
    {
        var sentences = new List<string>();
        foreach (var rawLine in passage.Split('\n'))
        {
            var line = Clean(rawLine);
            if (line.Length == 0)
                continue;

            var start = 0;
            var depth = 0;   // inside 「…」 or （…）: a 。 there does not end the sentence
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is '「' or '『' or '（' or '(' or '【')
                    depth++;
                else if (line[i] is '」' or '』' or '）' or ')' or '】')
                    depth = Math.Max(0, depth - 1);
                else if (depth == 0 && line[i] is '。' or '！' or '？' or '!' or '?')
                {
                    Add(sentences, line[start..(i + 1)]);
                    start = i + 1;
                }
            }

            Add(sentences, line[start..]);
        }

        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > 0)
            sentences.Add(sentence);
    }

    private static string Clean(string line)
    {
        line = ListMarker().Replace(line.Trim(), "");
        line = Emphasis().Replace(line, "$1");
        line = Link().Replace(line, "$1");
        return line.Trim();
    }

    [GeneratedRegex(@"^(#{1,6}\s+|[-*+・]\s*|\d{1,2}[.)．]\s*|>\s*)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\*\*(.+?)\*\*|__(.+?)__")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();
}
