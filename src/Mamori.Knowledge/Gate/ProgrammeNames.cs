using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Gate;

/// <summary>
/// Finds a programme, law or insurance name in the question whose own part the documents never use: in
/// 「小規模事業者持続化補助金」 the ending 補助金 is everywhere in the guidelines, but 持続化 is nowhere, so the question is
/// about a subsidy we have no document for, however well 補助金 and 締め切り match. A part counts as known when each of its
/// characters sits in a character pair that occurs in some passage (the index's bigram statistics), so a new compound of
/// known words (IT導入補助金, 東京都助成金) passes and only genuinely unseen words (持続化, 雇用) are caught.
/// </summary>
public sealed class ProgrammeNames
{
    /// <summary>Shortest run of unseen characters that makes a name unknown (a single character is too often a suffix such as 県 or 化).</summary>
    public const int MinUnknownLength = 2;

    private readonly IReadOnlyList<string> _heads;
    private readonly IReadOnlyList<string> _notProgrammes;
    private readonly CorpusStatistics _statistics;
    private readonly bool _enabled;

    public ProgrammeNames(ScopeLexicon lexicon, CorpusStatistics statistics, AnalyzerOptions analyzer)
    {
        _heads = lexicon.ProgrammeHeads;
        _notProgrammes = lexicon.NotProgrammes;
        _statistics = statistics;
        // Without character pairs in the index nothing can be called known.
        _enabled = _heads.Count > 0 && analyzer.Bigrams;
    }

    /// <summary>The first name in the normalized question with an unseen part, or null.</summary>
    public UnknownName? Find(string normalizedQuery)
    {
        if (!_enabled)
            return null;
        int i = 0;
        while (i < normalizedQuery.Length)
        {
            if (!IsNameChar(normalizedQuery[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < normalizedQuery.Length && IsNameChar(normalizedQuery[i]))
                i++;
            if (FindInCompound(normalizedQuery[start..i]) is { } unknown)
                return unknown;
        }
        return null;
    }

    private UnknownName? FindInCompound(string compound)
    {
        foreach (var head in _heads)
        {
            for (int at = compound.IndexOf(head, StringComparison.Ordinal); at > 0; at = compound.IndexOf(head, at + 1, StringComparison.Ordinal))
            {
                // 「NPO法人」「社会福祉法人」: 法 in 法人 names a kind of organisation, not a law (scope.yaml notProgrammes).
                if (_notProgrammes.Any(w => compound.AsSpan(at).StartsWith(w, StringComparison.Ordinal)))
                    continue;
                if (UnseenPart(compound[..at]) is { } part)
                    return new UnknownName(part, compound[..(at + head.Length)]);
            }
        }
        return null;
    }

    /// <summary>The first stretch of <see cref="MinUnknownLength"/>+ characters of the modifier that no indexed pair covers.</summary>
    private string? UnseenPart(string modifier)
    {
        int i = 0;
        while (i < modifier.Length)
        {
            var kind = Kind(modifier[i]);
            int start = i;
            while (i < modifier.Length && Kind(modifier[i]) == kind)
                i++;
            string segment = modifier[start..i];
            string? unseen = kind == JapaneseAnalyzer.CharKind.Latin ? UnseenWord(segment) : UnseenStretch(segment);
            if (unseen is not null)
                return unseen;
        }
        return null;
    }

    private string? UnseenWord(string word) =>
        word.Length >= MinUnknownLength && !word.All(char.IsAsciiDigit) && Df(word) == 0 ? word : null;

    private string? UnseenStretch(string segment)
    {
        var covered = new bool[segment.Length];
        for (int j = 0; j + 1 < segment.Length; j++)
        {
            if (Df(segment.Substring(j, 2)) > 0)
                covered[j] = covered[j + 1] = true;
        }
        int k = 0;
        while (k < segment.Length)
        {
            if (covered[k])
            {
                k++;
                continue;
            }
            int start = k;
            while (k < segment.Length && !covered[k])
                k++;
            if (k - start >= MinUnknownLength)
                return segment[start..k];
        }
        return null;
    }

    private int Df(string term) => _statistics.DocumentFrequency(TermHash.Of(term));

    // The long-vowel mark belongs to the katakana word it lengthens.
    private static JapaneseAnalyzer.CharKind Kind(char c) => c == 'ー' ? JapaneseAnalyzer.CharKind.Katakana : JapaneseAnalyzer.Classify(c);

    private static bool IsNameChar(char c) =>
        Kind(c) is JapaneseAnalyzer.CharKind.Han or JapaneseAnalyzer.CharKind.Katakana or JapaneseAnalyzer.CharKind.Latin;
}

/// <param name="Part">The unseen part (持続化).</param>
/// <param name="Name">The name it belongs to, up to its ending (小規模事業者持続化補助金).</param>
public sealed record UnknownName(string Part, string Name);
