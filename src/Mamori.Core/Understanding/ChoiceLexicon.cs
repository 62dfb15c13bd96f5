using Mamori.Core.Diagnosis;
using Mamori.Core.Text;

namespace Mamori.Core.Understanding;

/// <summary>One word of a choice found in a clause.</summary>
/// <param name="Code">The choice it names; null for a word that names several (<paramref name="Candidates"/>).</param>
/// <param name="SelfNegative">The word carries its own negation (「決めていない」): a negation inside it is not a denial of it.</param>
internal readonly record struct WordHit(int Start, int End, string? Code, IReadOnlyList<string> Candidates, bool SelfNegative);

/// <summary>
/// The words of one question's choices (codes, labels, synonyms, vocabulary), folded and rewritten to canonical forms
/// like the replies, so 「入れている」 finds 「入れとる」. Finds them in a clause, longest first; a word covered by a
/// longer one found at the same place does not count (「東京都」 hides 「京都」).
/// </summary>
internal sealed class ChoiceLexicon
{
    private const int MinFuzzyLength = 4;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Word, string? Code, string[] Candidates, bool SelfNegative, bool Typo)> _words = [];
    private readonly HashSet<string> _dominant = new(StringComparer.Ordinal);
    private readonly List<(string Code, IReadOnlyCollection<string> Parts)> _combinations = [];
    private readonly List<(AnswerHint Hint, string[] Forms)> _hints = [];
    private readonly HashSet<string> _unsure;
    private readonly HashSet<string> _decisive;
    private readonly ReadingRules _rules;

    public ChoiceLexicon(Question question, ReadingRules rules)
    {
        _rules = rules;
        _unsure = Forms(rules, question.UnsureWords).ToHashSet(StringComparer.Ordinal);
        var wholeOnly = Forms(rules, question.WholeOnlyWords).ToHashSet(StringComparer.Ordinal);
        _decisive = Forms(rules, question.DecisiveWords).ToHashSet(StringComparer.Ordinal);
        foreach (var hint in question.Hints)
            _hints.Add((hint, Forms(rules, hint.Words).ToArray()));
        var choices = question.Choices.Append(question.Unknown).ToList();
        foreach (var choice in choices)
        {
            if (choice.Dominant)
                _dominant.Add(choice.Code);
            if (choice.Combines is { Count: > 1 } parts)
                _combinations.Add((choice.Code, parts));
            var own = Forms(rules, [choice.Code, choice.Label, .. choice.Synonyms]).ToHashSet(StringComparer.Ordinal);
            foreach (var word in own.Concat(Forms(rules, choice.Vocabulary)))
            {
                // The first choice to claim a word keeps it; the loader rejects duplicates, so this only guards code.
                if (!_exact.TryAdd(word, choice.Code) || IsExactOnly(word) || wholeOnly.Contains(word))
                    continue;
                // Typos are forgiven in our own words only: among two thousand town names, one edit often makes another town.
                // …and not in loose words (困ります is one edit from 滞ります).
                _words.Add((word, choice.Code, [], rules.IsDeniedAfter(word, 0), own.Contains(word) && !_unsure.Contains(word)));
            }
        }
        foreach (var (word, codes) in question.AmbiguousWords)
        {
            foreach (var form in Forms(rules, [word]).Where(f => !_exact.ContainsKey(f) && !IsExactOnly(f)))
                _words.Add((form, null, [.. codes], false, false));
        }
        // Longest first, so the cover rule can be checked against already accepted spans; among words as long as each
        // other in the order the data lists them (a stable sort), so a reading never depends on how many words the lists hold.
        var ordered = _words.OrderByDescending(w => w.Word.Length).ToList();
        _words.Clear();
        _words.AddRange(ordered);
    }

    // Each word as written and in canonical form, not without its endings (「予算なし」 stays 「予算なし」): 「わからん」 is
    // rewritten to 「わからない」 only at the end of a clause, so mid-clause (「わからんとやってる」) the written form is found.
    private static IEnumerable<string> Forms(ReadingRules rules, IEnumerable<string> words) =>
        words.Select(JapaneseFold.Fold).SelectMany(w => new[] { rules.Canonicalize(w), w }).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal);

    // Short kana words (はい ある ない いる まだ) hide inside longer words (「している」「ある程度」), so they count only as
    // the whole clause; short kanji words (一部 保険 東京) are safe to find anywhere.
    private static bool IsExactOnly(string word) =>
        word.Length < 2 || (word.Length == 2 && word.All(c => c is >= 'ぁ' and <= 'ゖ' or 'ー'));

    /// <summary>Whether the word found at <paramref name="hit"/> (or the whole clause) is too loose to record alone (questions.yaml unsure).</summary>
    public bool IsUnsure(string clause, WordHit? hit = null) =>
        _unsure.Count > 0 && _unsure.Contains(hit is { } h ? clause[h.Start..h.End] : clause);

    /// <summary>Whether the word found at <paramref name="hit"/> says the very thing asked (questions.yaml decisive).</summary>
    public bool IsDecisive(string clause, WordHit? hit = null) =>
        _decisive.Count > 0 && _decisive.Contains(hit is { } h ? clause[h.Start..h.End] : clause);

    /// <summary>The code whose word is the whole clause: a pressed button, a code, 「はい」.</summary>
    public string? Exact(string clause) => _exact.GetValueOrDefault(clause);

    /// <summary>Every choice word in the clause, longest first, none inside a longer one.</summary>
    public List<WordHit> Find(string clause)
    {
        var hits = new List<WordHit>();
        var sameLength = new List<WordHit>();
        for (var i = 0; i < _words.Count; i++)
        {
            var (word, code, candidates, selfNegative, _) = _words[i];
            if (word.Length <= clause.Length)
            {
                for (var at = clause.IndexOf(word, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    var end = at + word.Length;
                    // 「notion」 holds no 「no」, 「facebook」 no 「ok」: a Latin word is found only as a whole word.
                    if (IsLatinLetter(word[0]) && at > 0 && IsLatinLetter(clause[at - 1])
                        || IsLatinLetter(word[^1]) && end < clause.Length && IsLatinLetter(clause[end]))
                        continue;
                    sameLength.Add(new WordHit(at, end, code, candidates, selfNegative));
                }
            }
            // Longer words claim their places first; of words as long as each other that overlap, the one said first
            // does (「函館山」 is 函館, not 館山 of 千葉).
            if (sameLength.Count > 0 && (i + 1 == _words.Count || _words[i + 1].Word.Length != word.Length))
            {
                // Where each was found, then the data's order (OrderBy is stable); most groups hold one hit, so no sort.
                foreach (var hit in sameLength.Count == 1 ? sameLength : (IEnumerable<WordHit>)sameLength.OrderBy(h => h.Start))
                {
                    if (!hits.Any(h => h.Start < hit.End && hit.Start < h.End))
                        hits.Add(hit);
                }
                sameLength.Clear();
            }
        }
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return hits;
    }

    private static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>The hint whose words the clause says, not denied (「付箋に貼ってる」, not 「付箋には書いてない」); null for none.</summary>
    public AnswerHint? Hint(string clause)
    {
        foreach (var (hint, forms) in _hints)
        {
            foreach (var form in forms)
            {
                var at = clause.IndexOf(form, StringComparison.Ordinal);
                if (at >= 0 && !_rules.IsDeniedAfter(clause, at + form.Length))
                    return hint;
            }
        }
        return null;
    }

    /// <summary>A choice word typed with one mistake (「バックアッブ」), for words long enough that one edit can't make another word.</summary>
    public (string Code, string Word)? FindWithTypo(string clause)
    {
        (string Code, string Word)? found = null;
        foreach (var (word, code, _, _, typo) in _words)
        {
            if (code is null || !typo || word.Length < MinFuzzyLength)
                continue;
            for (var length = word.Length - 1; length <= word.Length + 1; length++)
            {
                for (var at = 0; at + length <= clause.Length; at++)
                {
                    if (!JapaneseFold.WithinEdits(clause.AsSpan(at, length), word, 1))
                        continue;
                    if (found is { } other && other.Code != code)
                        return null;   // two choices within one typo: that is no reading
                    found = (code, word);
                }
            }
        }
        return found;
    }

    /// <summary>Several choices named at once: the combined choice (図面 + 名簿 = 両方), else the one dominant choice when
    /// they were named in one clause (「補助金を使ってレジを入れ替える」; across clauses, 「自分の金で買う。補助金は面倒」, a
    /// dominant word is only one of two answers), else null.</summary>
    public string? Combine(IReadOnlyCollection<string> codes, bool inOneClause = true)
    {
        foreach (var (combined, parts) in _combinations)
        {
            // 「図面も顧客名簿も両方ある」: the parts, with or without the combination's own word (両方).
            if (parts.All(codes.Contains) && codes.All(c => c == combined || parts.Contains(c)))
                return combined;
        }
        var dominant = codes.Where(_dominant.Contains).ToList();
        return dominant.Count == 1 && inOneClause ? dominant[0] : null;
    }
}
