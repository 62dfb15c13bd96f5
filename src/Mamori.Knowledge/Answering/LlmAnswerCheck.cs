using System.Text;
using System.Text.RegularExpressions;
using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// What the model wrote, checked against what it was given. Sources were numbered per passage; the user sees one
/// number per document, so marks are renumbered through a <see cref="CitationList"/>.
/// </summary>
internal sealed partial record LlmAnswerCheck(LlmVerdict Verdict, string Text, CitationList Citations, int DroppedSentences)
{
    public const string NoAnswer = "NO_ANSWER";

    public static LlmAnswerCheck Check(string? output, IReadOnlyList<KnowledgeChunk> passages)
    {
        var citations = new CitationList();
        var text = NormalizeMarks((output ?? "").Normalize(NormalizationForm.FormKC).Trim());
        if (text.Length == 0)
            return new(LlmVerdict.Empty, "", citations, 0);
        if (text.Contains(NoAnswer, StringComparison.Ordinal))
            return new(LlmVerdict.NotCovered, "", citations, 0);

        var marks = Mark().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (marks.Any(n => n < 1 || n > passages.Count))
            return new(LlmVerdict.UnknownSource, "", citations, 0);

        // Every sentence must carry a mark; sentences without one are not traceable to a passage and are dropped.
        var lines = new List<string>();
        var dropped = 0;
        foreach (var line in text.Split('\n'))
        {
            var kept = new StringBuilder();
            foreach (var sentence in Sentences(line))
            {
                if (!Mark().IsMatch(sentence))
                {
                    dropped += sentence.Trim().Length > 0 ? 1 : 0;
                    continue;
                }

                kept.Append(Renumber(sentence, passages, citations));
            }

            if (kept.ToString().Trim().Length > 0)
                lines.Add(kept.ToString().Trim());
        }

        return lines.Count == 0
            ? new(LlmVerdict.NothingCited, "", citations, dropped)
            : new(LlmVerdict.Grounded, string.Join("\n", lines), citations, dropped);
    }

    /// <summary>Models vary the mark style: 【1】, [1, 2] and [1・2] all become [1] / [1][2].</summary>
    private static string NormalizeMarks(string text)
    {
        text = LenticularMark().Replace(text, "[$1]");
        return ListMark().Replace(text, m => string.Concat(
            m.Groups[1].Value.Split([',', '、', '・', ' '], StringSplitOptions.RemoveEmptyEntries).Select(n => $"[{n}]")));
    }

    /// <summary>Sentences of one line, each keeping the marks that follow its end: 「…です。[1]」 stays together.</summary>
    private static IEnumerable<string> Sentences(string line)
    {
        var start = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is '。' or '!' or '?')
            {
                var end = i + 1;
                while (Mark().Match(line, end) is { Success: true } m && m.Index == end)
                    end += m.Length;
                yield return line[start..end];
                start = i = end;
                continue;
            }

            i++;
        }

        if (start < line.Length)
            yield return line[start..];
    }

    private static string Renumber(string sentence, IReadOnlyList<KnowledgeChunk> passages, CitationList citations)
    {
        var renumbered = Mark().Replace(sentence, m => $"[{citations.NumberOf(passages[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1])}]");
        // Two passages of one document become the same mark: 「[1][1]」→「[1]」.
        return RepeatedMark().Replace(renumbered, "$1");
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Mark();

    [GeneratedRegex(@"【(\d{1,3})】")]
    private static partial Regex LenticularMark();

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*[,、・]\s*\d{1,3})+)\]")]
    private static partial Regex ListMark();

    [GeneratedRegex(@"(\[\d{1,3}\])(?:\1)+")]
    private static partial Regex RepeatedMark();
}

internal enum LlmVerdict
{
    Grounded,
    /// <summary>The model said the sources do not answer the question.</summary>
    NotCovered,
    /// <summary>The model cited nothing, or only sentences without marks.</summary>
    NothingCited,
    /// <summary>A mark points at a source that was not given: the answer cannot be trusted.</summary>
    UnknownSource,
    Empty,
}
