using Mamori.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Understanding;

/// <summary>One clause of a reply, folded and canonical; <paramref name="AfterContrast"/> when 「けど」「でも」… joined it to the one before.</summary>
internal readonly record struct Clause(string Text, bool AfterContrast);

/// <summary>How a clause ends: the polarity of its last predicate.</summary>
internal enum ClausePolarity
{
    /// <summary>No predicate we can read (a noun, a number, a name).</summary>
    None,
    Affirmed,
    Negated,

    /// <summary>「やってないことはない」: a weak yes.</summary>
    DoublyNegated,

    /// <summary>「誓約書を出さなあかん」「見直さないかんとは思っとる」: a must — a yes to a requirement, a no to a practice.</summary>
    Must,
}

/// <summary>
/// The grammar a reply is read with, as data (knowledge/diagnosis/reading.yaml): the canonical rewrite of spoken and
/// dialect forms, negations and what is not one, conditions, premises, hedges, contrasts, partial markers and endings.
/// Immutable and shared; every method is pure. All words are folded with <see cref="JapaneseFold"/> on load.
/// </summary>
public sealed partial class ReadingRules
{
    public const string FileName = "reading.yaml";

    private readonly (string From, string To, bool AtEnd)[] _canonical;
    private readonly string[] _negations;
    private readonly string[] _notNegations;
    private readonly string[] _losses;
    private readonly string[] _conditionals;
    private readonly string[] _premises;
    private readonly string[] _customers;
    private readonly string[] _doubleNegations;
    private readonly string[] _negativeItems;
    private readonly string[] _degreeNegatives;
    private readonly string[] _hedges;
    private readonly string[] _degreeHedges;   // hedges less the conjectures
    private readonly string[] _partialHedges;  // hedges that say how much is done, not whether
    private readonly string[] _fitDoubts;
    private readonly string[] _others;
    private readonly string[] _notHedges;
    private readonly string[] _doubts;
    private readonly string[] _reasons;
    private readonly string[] _verdicts;
    private readonly string[] _vague;
    private readonly string[] _statements;
    private readonly string[] _partialNegations;
    private readonly string[] _unsaidNegations;
    private readonly string[] _embeddedQuestions;
    private readonly string[] _shoulds;
    private readonly string[] _unknowing;
    private readonly (string Word, int SplitAt, bool AtStart)[] _contrasts;
    private readonly string[] _partials;
    private readonly string[] _notPartials;
    private readonly string[] _urgings;
    private readonly string[] _limitsBack;
    private readonly string[] _unaware;
    private readonly string[] _somes;
    private readonly string[] _tacit;
    private readonly string[] _pastStates;
    private readonly string[] _pastTimes;
    private readonly string[] _formerly;
    private readonly string[] _when;
    private readonly string[] _opinions;
    private readonly string[] _avoidances;
    private readonly string[] _notAvoidances;
    private readonly string[] _musts;
    private readonly (string Kana, string Kanji)[] _kanaWords;
    private readonly string[] _presentTimes;
    private readonly (string Ending, int Keep)[] _endings;
    private readonly string[] _spaceContinues;
    private readonly string[] _spaceLeads;
    private readonly string[] _affirmations;

    private ReadingRules(ReadingRulesYaml yaml, string path)
    {
        _canonical = (yaml.Canonical ?? []).Select(kv =>
            {
                var atEnd = kv.Key.EndsWith('$');
                var from = JapaneseFold.Fold(atEnd ? kv.Key[..^1] : kv.Key);
                return from.Length == 0 ? throw new FormatException($"{path}: canonical has an empty form.") : (from, JapaneseFold.Fold(kv.Value), atEnd);
            })
            .OrderByDescending(r => r.Item1.Length).ToArray();
        _negations = Words(yaml.Negations, path, "negations");
        _notNegations = Words(yaml.NotNegations, path, "notNegations");
        _losses = Words(yaml.Losses, path, "losses");
        _conditionals = Words(yaml.Conditionals, path, "conditionals");
        _premises = Words(yaml.Premises, path, "premises");
        _customers = Words(yaml.Customers, path, "customers");
        _doubleNegations = Words(yaml.DoubleNegations, path, "doubleNegations").Select(Canonicalize).ToArray();
        _negativeItems = Words(yaml.NegativeItems, path, "negativeItems");
        _degreeNegatives = Words(yaml.DegreeNegatives, path, "degreeNegatives");
        _hedges = Words(yaml.Hedges, path, "hedges");
        var conjectures = Words(yaml.Conjectures, path, "conjectures");
        _degreeHedges = _hedges.Except(conjectures).ToArray();
        _partialHedges = Words(yaml.PartialHedges, path, "partialHedges");
        if (_partialHedges.Except(_hedges).FirstOrDefault() is { } stray)
            throw new FormatException($"{path}: partialHedges holds 「{stray}」, which is not in hedges.");
        _notHedges = Words(yaml.NotHedges, path, "notHedges");
        _doubts = Words(yaml.Doubts, path, "doubts");
        _fitDoubts = Words(yaml.FitDoubts, path, "fitDoubts");
        _others = Words(yaml.Others, path, "others");
        _reasons = Words(yaml.Reasons, path, "reasons");
        _verdicts = Words(yaml.Verdicts, path, "verdicts");
        _vague = Words(yaml.Vague, path, "vague");
        // Matched on the text as typed (NFKC only), like the question cues they hide from.
        _statements = (yaml.Statements ?? []).Select(s => s.Normalize(System.Text.NormalizationForm.FormKC)).Where(s => s.Length > 0).OrderByDescending(s => s.Length).ToArray();
        _partialNegations = Words(yaml.PartialNegations, path, "partialNegations");
        _unsaidNegations = Words(yaml.UnsaidNegations, path, "unsaidNegations");
        _embeddedQuestions = Words(yaml.EmbeddedQuestions, path, "embeddedQuestions");
        _shoulds = Words(yaml.AtALoss?.Shoulds, path, "atALoss.shoulds");
        _unknowing = Words(yaml.AtALoss?.Unknowing, path, "atALoss.unknowing");
        _partials = Words(yaml.Partials, path, "partials");
        _notPartials = Words(yaml.NotPartials, path, "notPartials");
        _urgings = Words(yaml.Urgings, path, "urgings");
        _limitsBack = Words(yaml.LimitsBack, path, "limitsBack");
        _unaware = Words(yaml.Unaware, path, "unaware");
        _somes = Words(yaml.Somes, path, "somes");
        _tacit = Words(yaml.Tacit, path, "tacit").Select(Canonicalize).ToArray();
        _pastTimes = Words(yaml.Times?.Past, path, "times.past");
        _formerly = Words(yaml.Times?.Formerly, path, "times.formerly");
        _when = Words(yaml.Times?.When, path, "times.when");
        _pastStates = Words(yaml.Times?.PastStates, path, "times.pastStates").SelectMany(e => new[] { e, Canonicalize(e) }).Distinct().ToArray();
        _opinions = Words(yaml.Opinions, path, "opinions");
        _kanaWords = [.. (yaml.KanaWords ?? []).Select(k => (JapaneseFold.Fold(k.Key), k.Value)).Where(k => k.Item1.Length > 1).OrderByDescending(k => k.Item1.Length)];
        _avoidances = Words(yaml.Avoidances, path, "avoidances").SelectMany(a => new[] { a, Canonicalize(a) }).Distinct().ToArray();
        _notAvoidances = Words(yaml.NotAvoidances, path, "notAvoidances").SelectMany(a => new[] { a, Canonicalize(a) }).Distinct().ToArray();
        _musts = Words(yaml.Musts, path, "musts").SelectMany(m => new[] { m, Canonicalize(m) }).Distinct().ToArray();   // said mid-clause, or at its end
        _presentTimes = Words(yaml.Times?.Present, path, "times.present");
        // 「る|んです」: the part before | must be there and stays.
        _endings = (yaml.Endings ?? throw new FormatException($"{path}: 'endings' is missing."))
            .Select(e => e.Split('|') is [var kept, var ending] ? (JapaneseFold.Fold(kept) + JapaneseFold.Fold(ending), JapaneseFold.Fold(kept).Length) : (JapaneseFold.Fold(e), 0))
            .Where(e => e.Item1.Length > 0).Distinct().OrderByDescending(e => e.Item1.Length).ToArray();
        _affirmations = Words(yaml.Affirmations, path, "affirmations");
        Shape = new ReplyShape(Words(yaml.Speakers, path, "speakers"), Words(yaml.Retractions, path, "retractions"),
            (yaml.Marks ?? []).SelectMany(m => m.Value.Select(mark => (mark, m.Key))).ToDictionary(m => m.mark, m => m.Key, StringComparer.Ordinal));
        var q = yaml.Quantities ?? throw new FormatException($"{path}: 'quantities' is missing.");
        Quantities = new QuantityReader(new QuantityWords(
            Words(q.RangeMarks, path, "quantities.rangeMarks"), Words(q.Fillers, path, "quantities.fillers"),
            Words(q.Approximately, path, "quantities.approximately"), Words(q.Owners, path, "quantities.owners"), Words(q.Staff, path, "quantities.staff"),
            Words(q.Joins, path, "quantities.joins"), Words(q.NotJoins, path, "quantities.notJoins"), Words(q.Persons, path, "quantities.persons"),
            Words(q.Totals, path, "quantities.totals"), Words(q.Rough, path, "quantities.rough"),
            Words(q.Under, path, "quantities.under"), Words(q.Over, path, "quantities.over"), Words(q.AtLeast, path, "quantities.atLeast"),
            Words(q.Around, path, "quantities.around"), Words(q.IfTotals, path, "quantities.ifTotals"), Words(q.Actually, path, "quantities.actually"), Words(q.Seasonal, path, "quantities.seasonal"),
            Words(q.Irregular, path, "quantities.irregular")));
        _spaceContinues = Words(yaml.SpaceJoins?.Continues, path, "spaceJoins.continues");
        _spaceLeads = Words(yaml.SpaceJoins?.Leads, path, "spaceJoins.leads");
        _contrasts = (yaml.Contrasts ?? []).Select(c =>
            {
                var atStart = c.StartsWith('^');
                var raw = atStart ? c[1..] : c;
                var bar = raw.IndexOf('|');
                var word = JapaneseFold.Fold(raw.Replace("|", "", StringComparison.Ordinal));
                return (word, bar < 0 ? 0 : JapaneseFold.Fold(raw[..bar]).Length, atStart);
            })
            .Where(c => c.word.Length > 0).OrderByDescending(c => c.word.Length).ToArray();
    }

    /// <summary>Reads people and yen in a reply, with this file's words around numbers.</summary>
    internal QuantityReader Quantities { get; }

    /// <summary>What is said around the answer and is no part of it (reading.yaml speakers, retractions).</summary>
    internal ReplyShape Shape { get; }

    public static ReadingRules Load(string diagnosisDirectory)
    {
        var path = Path.Combine(diagnosisDirectory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Reading rules not found: {path}", path);
        try
        {
            var yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<ReadingRulesYaml>(File.ReadAllText(path)) ?? new ReadingRulesYaml();
            return new ReadingRules(yaml, path);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
    }

    private static string[] Words(List<string>? words, string path, string field)
    {
        var folded = (words ?? []).Select(JapaneseFold.Fold).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length).ToArray();
        return folded.Length > 0 ? folded : throw new FormatException($"{path}: '{field}' is missing or empty.");
    }

    /// <summary>
    /// The clauses of a reply, each folded, with its meaningless endings off and rewritten to canonical forms:
    /// split at punctuation, line breaks and contrast words (「けど」「ものの」), so each clause has one predicate.
    /// </summary>
    public IReadOnlyList<string> Clauses(string text) => Split(text).Select(c => c.Text).ToList();

    /// <summary>The clauses of <see cref="Clauses"/>, each with whether a contrast word (「けど」「でも」) joined it to the one before.</summary>
    internal IReadOnlyList<Clause> Split(string text)
    {
        text = InKanji(text);
        // 「連絡網 有 手順書 無」: in a form-like fragment, 有・無 standing alone say ある・ない of the word before them (and
        // only then: 「共有」「所有」 end in 有 too). Not 未: 「新人 未」 after a bare 「伝達」 read as a plain no.
        text = StandingMark().Replace(text, m => m.Groups[1].Value == "有" ? "あり" : "なし");
        var clauses = new List<Clause>();
        var pending = false;   // 「保険はあるけど、パソコンのはない」: a piece that ends in a contrast word joins the next one by it
        foreach (var piece in SplitAtPunctuation(text))
        {
            var folded = JapaneseFold.Fold(piece);
            var first = true;
            foreach (var (clause, contrasted) in SplitAtContrasts(folded))
            {
                var afterContrast = contrasted || (first && pending);
                first = false;
                // Twice: dialect endings are rewritten where they end the message (「知らねー」), then again once 「よ」「わ」 are off.
                // 「ちょっとは思うけどな」: what follows the contrast word is only a softener, not a second clause.
                if (afterContrast && IsOnlyEndings(clause))
                    continue;
                var canonical = Canonicalize(StripEndings(Canonicalize(clause)));
                if (canonical.Length > 0)
                    clauses.Add(new Clause(canonical, afterContrast && clauses.Count > 0));
            }
            pending = EndsInContrast(folded);
        }
        // 「入っとらんね、保険は」: a topic said last, after its predicate (倒置), goes back in front of it.
        if (clauses.Count > 1 && clauses[^1] is { AfterContrast: false, Text: { Length: > 1 and <= 8 } topic } && topic.EndsWith('は'))
        {
            clauses[^2] = clauses[^2] with { Text = topic + clauses[^2].Text };
            clauses.RemoveAt(clauses.Count - 1);
        }
        // 「ご相談できる方は、残念ながらおりません」: a topic set off by a comma is the subject of the clause after it, so what
        // that clause says (おりません) is said of the topic's words (相談できる).
        for (var c = clauses.Count - 2; c >= 0; c--)
        {
            if (clauses[c].Text is { Length: > 1 and <= 12 } lead && lead.EndsWith('は') && !clauses[c + 1].AfterContrast)
            {
                clauses[c] = clauses[c] with { Text = lead + clauses[c + 1].Text };
                clauses.RemoveAt(c + 1);
            }
        }
        return clauses;
    }

    // 「おなじのを　つかって　います」: a reply written almost only in hiragana, words set apart by spaces, gets the kanji of
    // the choices' words (reading.yaml kanaWords); in mixed writing a hiragana word is meant as written.
    private string InKanji(string text)
    {
        int hiragana = 0, katakana = 0, kanji = 0;
        foreach (var c in text)
        {
            if (c is >= 'ぁ' and <= 'ゖ')
                hiragana++;
            else if (c is >= 'ァ' and <= 'ヶ' or 'ー')
                katakana++;
            else if (c is >= '\u4E00' and <= '\u9FFF')
                kanji++;
        }
        var gaps = text.Trim().Count(c => c is ' ' or '\u3000');
        // A reply of kana only, spaced or not, is such a writer's too: 「ミジカイ」「むすこ」「ジブンデ　カウ」 (katakana here is
        // no loanword but the writer's kana, so it is read as hiragana); punctuation and emoji are no writing (「しごとにならん😩」).
        var kanaOnly = kanji == 0 && hiragana + katakana >= 2 && hiragana + katakana == text.Count(char.IsLetterOrDigit);
        if (_kanaWords.Length == 0 || (!kanaOnly && (hiragana < 4 || gaps == 0 || (gaps < 2 && kanji > 0) || kanji * 10 > hiragana + kanji)))
            return text;
        if (kanaOnly)
            text = new string(text.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c).ToArray());
        // Such writers put a space between words (分かち書き), not between clauses: 「おなじのを　つかって　います」 is one clause,
        // but after a reason or a contrast (「しらないので　いって　ません」) a clause ends.
        text = KanaGap().Replace(text.Trim(), m => m.Groups[1].Success ? m.Groups[1].Value + "、" : "");
        foreach (var (kana, word) in _kanaWords)
            text = text.Replace(kana, word, StringComparison.Ordinal);
        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(ので|から|けど|けれど|けれども|のに)?[ \u3000]+")]
    private static partial System.Text.RegularExpressions.Regex KanaGap();

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \u3000]+(有|無)[りし]?(?=[ \u3000、。,.]|$)")]
    private static partial System.Text.RegularExpressions.Regex StandingMark();

    private IEnumerable<string> SplitAtPunctuation(string text)
    {
        var start = 0;
        var nfkc = text.Normalize(System.Text.NormalizationForm.FormKC);
        for (var i = 0; i < nfkc.Length; i++)
        {
            var c = nfkc[i];
            // A decimal point or a comma between digits is part of a number (「1.5万」「10,000円」).
            var inNumber = c is '.' or ',' && i > 0 && i + 1 < nfkc.Length && char.IsAsciiDigit(nfkc[i - 1]) && char.IsAsciiDigit(nfkc[i + 1]);
            // 「保険？入ってない」: a short topic echoed with a question mark belongs to the answer after it.
            var echoedTopic = c is '?' && i - start <= 6 && i + 1 < nfkc.Length;
            if (char.IsWhiteSpace(c) && SpaceJoins(nfkc[start..i], nfkc[(i + 1)..]))
                continue;
            // 「本社は名古屋（工場は岐阜）」: an aside in brackets is a clause of its own.
            if (!inNumber && !echoedTopic && (c is '、' or '。' or ',' or '.' or '!' or '?' or '\n' or '・' or '/' or ';' or '…' or '(' or ')' || char.IsWhiteSpace(c)))
            {
                if (i > start)
                    yield return nfkc[start..i];
                start = i + 1;
            }
        }
        if (start < nfkc.Length)
            yield return nfkc[start..];
    }

    // 「遭わない とは 思わない」「入れてない 訳じゃない」: owners typing in fragments use a space as a comma (「連絡網 有 手順書
    // 無」), but also inside a clause: a space does not cut before a word that continues the one before it, or after one
    // that leads on to the next.
    private bool SpaceJoins(string before, string after)
    {
        var next = JapaneseFold.Fold(after.TrimStart());
        var previous = JapaneseFold.Fold(before);
        return previous.Length > 0 && next.Length > 0
            && (_spaceContinues.Any(w => next.StartsWith(w, StringComparison.Ordinal)) || _spaceLeads.Any(w => previous.EndsWith(w, StringComparison.Ordinal)));
    }

    // A whole contrast word (not 「る|が」, which is as often a subject's が) at the end of a piece, endings aside (「けどな」).
    private bool EndsInContrast(string folded)
    {
        var rest = folded;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (word, splitAt, atStart) in _contrasts)
            {
                if (splitAt == 0 && !atStart && rest.EndsWith(word, StringComparison.Ordinal))   // 「…取ってる。けど、…」 too
                    return true;
                if (splitAt > 0 && rest.EndsWith(word, StringComparison.Ordinal) && IsPoliteGa(rest, rest.Length - word.Length + splitAt))
                    return true;   // 「入っていますが、…」
            }
            foreach (var (ending, keep) in _endings)
            {
                if (keep == 0 && rest.Length > ending.Length && rest.EndsWith(ending, StringComparison.Ordinal) && !_contrasts.Any(c => c.Word == ending))
                {
                    rest = rest[..^ending.Length];
                    changed = true;
                    break;
                }
            }
        }
        return false;
    }

    private IEnumerable<(string Clause, bool AfterContrast)> SplitAtContrasts(string folded)
    {
        var from = 0;
        var i = 0;
        var afterContrast = false;
        while (i < folded.Length)
        {
            var matched = false;
            foreach (var (word, splitAt, atStart) in _contrasts)
            {
                if ((atStart && i != from) || !folded.AsSpan(i).StartsWith(word, StringComparison.Ordinal))
                    continue;
                var cut = i + splitAt;
                if (cut > from)
                    yield return (folded[from..cut], afterContrast);
                // 「…るが」「…んが」 are as often a subject's が (「レセコンが止まったら」) as a contrast: only a whole word counts, and
                // が after polite ます・です (「入っていますが」), which no subject ends in.
                afterContrast = splitAt == 0 || IsPoliteGa(folded, cut);
                from = i + word.Length;
                i = from;
                matched = true;
                break;
            }
            if (!matched)
                i++;
        }
        if (from < folded.Length)
            yield return (folded[from..], afterContrast);
    }

    // が after polite ます・です (「入っていますが」), which no subject ends in: a contrast like けど.
    private static bool IsPoliteGa(string folded, int cut) =>
        cut >= 2 && (folded.AsSpan(0, cut).EndsWith("ます", StringComparison.Ordinal) || folded.AsSpan(0, cut).EndsWith("です", StringComparison.Ordinal));

    // 「けどな」 after the contrast word: nothing but endings (な, よ, ね …) is left, so it is no clause of its own.
    private bool IsOnlyEndings(string folded)
    {
        var rest = folded;
        var changed = true;
        while (rest.Length > 0 && changed)
        {
            changed = false;
            foreach (var (ending, keep) in _endings)
            {
                if (keep == 0 && rest.EndsWith(ending, StringComparison.Ordinal))
                {
                    rest = rest[..^ending.Length];
                    changed = true;
                    break;
                }
            }
        }
        return rest.Length == 0;
    }

    /// <summary>Takes meaningless endings off a folded clause (「やってますよね」 → 「やってます」), never below two characters.</summary>
    public string StripEndings(string folded)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (ending, keep) in _endings)
            {
                // Never below two characters, except for a whole ending like 「です」 (「私です」 → 「私」; 「まだ」 keeps its 「だ」).
                var left = folded.Length - (ending.Length - keep);
                if ((left >= 2 || (left >= 1 && ending.Length - keep >= 2)) && folded.EndsWith(ending, StringComparison.Ordinal)
                    && !CutsUnsaidNegation(folded, ending.Length - keep))
                {
                    folded = folded[..^(ending.Length - keep)];
                    changed = true;
                    break;
                }
            }
        }
        return folded;
    }

    // 「新しい子にはまだだわ」: once 「だわ」 is off, the 「だ」 of 「まだ」 is not an ending; an unsaid negation that ends the
    // clause keeps every character (「まだ」 stays 「まだ」, not 「ま」), unless it is the tail of another word (「古いままだ」).
    private bool CutsUnsaidNegation(string folded, int cut) =>
        _unsaidNegations.Any(u => cut <= u.Length && folded.EndsWith(u, StringComparison.Ordinal)
                                  && (folded.Length == u.Length || folded[^(u.Length + 1)] != u[0]));

    /// <summary>Rewrites spoken and dialect forms to one form, longest first at each place (「入れとらん」 → 「入れていない」).</summary>
    public string Canonicalize(string folded)
    {
        if (folded.Length == 0)
            return folded;
        var sb = new System.Text.StringBuilder(folded.Length + 8);
        var i = 0;
        while (i < folded.Length)
        {
            var replaced = false;
            foreach (var (from, to, atEnd) in _canonical)
            {
                if (atEnd && i + from.Length != folded.Length)
                    continue;
                if (folded.AsSpan(i).StartsWith(from, StringComparison.Ordinal))
                {
                    sb.Append(to);
                    i += from.Length;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                sb.Append(folded[i++]);
        }
        return sb.ToString();
    }

    /// <summary>Whether a negation denies what stands before <paramref name="from"/>: one that follows it in the clause and is
    /// not an adjective (少ない), a condition (〜ないと) or half of a double negation.</summary>
    public bool IsDeniedAfter(string clause, int from) => DenialAt(clause, from) >= 0;

    /// <summary>Where the negation that denies what stands before <paramref name="from"/> begins; -1 when none does.</summary>
    public int DenialAt(string clause, int from) => IsDoublyNegated(clause) ? -1 : NegationAt(clause, from);

    /// <summary>「全部はやってない」「定期的には取っていない」: only part is denied, so the answer is "partly".</summary>
    public bool IsPartlyDenied(string clause) =>
        _partialNegations.Any(p => clause.Contains(p, StringComparison.Ordinal)) && NegationAt(clause, 0) >= 0;

    /// <summary>How the clause ends: affirmed, negated, doubly negated, or with no predicate we can read.</summary>
    internal ClausePolarity Polarity(string clause)
    {
        if (IsDoublyNegated(clause))
            return ClausePolarity.DoublyNegated;
        // Before the negations: a must is made of one (「出さなあかん」「守らないかん」).
        if (_musts.Any(m => clause.Contains(m, StringComparison.Ordinal)))
            return ClausePolarity.Must;
        // 「更新しないようにしている」: keeping from doing it is a no (a bad practice named in the clause is read by its words);
        // keeping others from being able to (「外からは見れんようにしとる」) is the measure itself.
        if (_avoidances.Any(a => clause.Contains(a, StringComparison.Ordinal)) && !_notAvoidances.Any(a => clause.Contains(a, StringComparison.Ordinal)))
            return ClausePolarity.Negated;
        if (NegationAt(clause, 0) >= 0 || IsOnlyNegativeItems(clause))
            return ClausePolarity.Negated;
        foreach (var affirmation in _affirmations)
        {
            if (clause.EndsWith(affirmation, StringComparison.Ordinal))
                return ClausePolarity.Affirmed;
        }
        // 「見直したくらい」「ひな形を貼っとるだけ」: an "only part" word after the verb; the verb still says yes (HasPartial makes it partly).
        if (Array.Find(_partials, p => clause.Length > p.Length && clause.EndsWith(p, StringComparison.Ordinal)) is { } partial)
            return Polarity(Canonicalize(StripEndings(Canonicalize(clause[..^partial.Length]))));
        return ClausePolarity.None;
    }

    public bool IsDoublyNegated(string clause) => _doubleNegations.Any(d => clause.Contains(d, StringComparison.Ordinal));

    /// <summary>「まだ」「特に」: a word that says no without a negation (reading.yaml unsaidNegations).</summary>
    public bool IsUnsaidNegation(string word) => _unsaidNegations.Contains(word, StringComparer.Ordinal);

    /// <summary>A word that keeps its meaning under a negation (「誰も」「全然」): never read as denied.</summary>
    public bool IsNegativeItem(string word) => _negativeItems.Any(n => word.StartsWith(n, StringComparison.Ordinal));

    /// <summary>「あんまり」「そんなにしてない」: a no of degree, not a bare no (reading.yaml degreeNegatives).</summary>
    public bool IsDegreeNegative(string clause) => _degreeNegatives.Any(d => clause.StartsWith(d, StringComparison.Ordinal));

    // 「特に何も」「全然」: the negation left unsaid.
    private bool IsOnlyNegativeItems(string clause)
    {
        var rest = clause;
        while (rest.Length > 0 && _negativeItems.FirstOrDefault(n => rest.StartsWith(n, StringComparison.Ordinal)) is { } item)
            rest = rest[item.Length..];
        return rest.Length == 0 && clause.Length > 0;
    }

    /// <summary>Where 「…かどうか分からない」 begins: the words before it are what the owner doesn't know, not an answer.</summary>
    public int EmbeddedQuestionAt(string clause)
    {
        foreach (var marker in _embeddedQuestions)
        {
            var at = clause.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                return at;
        }
        return -1;
    }

    /// <summary>「誰に聞けばいいかも分からん」: an embedded "what should I do" (〜ばいい, 〜たらええ) followed by か and a verb of not
    /// knowing (reading.yaml atALoss): the owner is at a loss, which answers the question's no.</summary>
    public bool IsAtALoss(string clause)
    {
        foreach (var should in _shoulds)
        {
            var at = clause.IndexOf(should, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var ka = clause.IndexOf('か', at + should.Length);
            if (ka >= 0 && _unknowing.Any(u => clause.IndexOf(u, ka + 1, StringComparison.Ordinal) >= 0))
                return true;
        }
        return false;
    }

    /// <summary>「大丈夫」「十分」: the owner's own verdict, which with a reason (「…から大丈夫」) is an opinion to confirm.</summary>
    public bool HasVerdict(string folded) => _verdicts.Any(v => folded.Contains(v, StringComparison.Ordinal));

    /// <summary>「まあまあ」「ぼちぼち」: a word that grades without saying which way (see reading.yaml vague).</summary>
    /// <summary>The sentence without the statements that hold a question cue (「教えてくれる」), for the question check.</summary>
    public string WithoutStatements(string sentence)
    {
        var text = sentence.Normalize(System.Text.NormalizationForm.FormKC);
        foreach (var statement in _statements)
            text = text.Replace(statement, "・", StringComparison.Ordinal);
        return text;
    }

    public bool IsVague(string folded) => _vague.Any(v => folded.Contains(v, StringComparison.Ordinal));

    public bool HasReason(string folded) => _reasons.Any(r => folded.Contains(r, StringComparison.Ordinal));

    /// <summary>「かもしれん」「たぶん」: a hedge that doubts the fact itself (reading.yaml doubts), not one that softens it.</summary>
    public bool HasDoubt(string folded) => _doubts.Any(d => folded.Contains(d, StringComparison.Ordinal));

    /// <summary>「同業の社長仲間のとこは…」: the clause is about another company (reading.yaml others).</summary>
    public bool IsAboutOthers(string clause) => _others.Any(o => clause.Contains(o, StringComparison.Ordinal));

    /// <summary>「市は取引先になるんでしょうか」「これもカウントしていい？」: a question whether the answer fits the question (reading.yaml fitDoubts).</summary>
    public bool DoubtsTheFit(string folded) => _fitDoubts.Any(d => folded.Contains(d, StringComparison.Ordinal));

    /// <summary>A hedge somewhere not wholly inside one of <paramref name="words"/> (spans of choice words: 「少し困る」 is a
    /// choice, not a hedge, while 「補助金があれば」 holds the hedge 「金があれば」 across the choice word 補助金).</summary>
    /// <param name="opinion">The question asks for the owner's view (motivation, awareness): a guess said as such
    /// (reading.yaml conjectures: 「ありうるでしょうね」「飛ぶかな」) is how a view is said, and weakens nothing.</param>
    internal bool HasHedgeOutside(string folded, IReadOnlyList<(int Start, int End)> words, bool opinion = false) =>
        AnyOutside(opinion ? _degreeHedges : _hedges, folded, words, _notHedges);

    /// <summary>「一応」「ちょっと」「日による」: a hedge that says how much is done, not whether (reading.yaml partialHedges).</summary>
    internal bool HasPartialHedgeOutside(string folded, IReadOnlyList<(int Start, int End)> words) =>
        AnyOutside(_partialHedges, folded, words, _notHedges);

    /// <summary>「できてると思う」「してないと思います」: the owner's opinion of it, outside the choices' own words (reading.yaml opinions).</summary>
    internal bool HasOpinionOutside(string folded, IReadOnlyList<(int Start, int End)> words) => AnyOutside(_opinions, folded, words, []);

    // A word of the list outside the choices' own words and outside the phrases that only hold it (「かなり」 holds かな).
    private static bool AnyOutside(string[] list, string folded, IReadOnlyList<(int Start, int End)> words, string[] notThese)
    {
        foreach (var hedge in list)
        {
            foreach (var at in Phrases.Occurrences(folded, hedge))
            {
                var end = at + hedge.Length;
                if (!words.Any(w => w.Start <= at && end <= w.End) && !Phrases.IsInside(folded, at, end, notThese))
                    return true;
            }
        }
        return false;
    }

    /// <summary>「会計データだけ」「見直したくらい」: only part. After a number (「30万くらい」「5人程度」) the same words mean "about".</summary>
    public bool HasPartial(string clause)
    {
        foreach (var partial in _partials)
        {
            for (var at = clause.IndexOf(partial, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(partial, at + 1, StringComparison.Ordinal))
            {
                if ((at == 0 || !IsNumberEnd(clause[at - 1]) || IsOnlyOnce(clause, at - 1)) && !InNotPartial(clause, at, partial.Length))
                    return true;
            }
        }
        return false;
    }

    // 「クライアントはDefender」: katakana folds to hiragana, so くらい is inside クライアント (reading.yaml notPartials).
    private bool InNotPartial(string clause, int at, int length) => Phrases.IsInside(clause, at, at + length, _notPartials);

    /// <summary>「…ないのがある」「…してへんのもある」: the clause ends in "there are some" (reading.yaml somes).</summary>
    public bool EndsInSome(string clause) => _somes.Any(s => clause.EndsWith(s, StringComparison.Ordinal));

    /// <summary>「初期設定のままのもある」: what stands before <paramref name="end"/> holds for some of them only — said right
    /// after the word, or as what the clause ends in (「リンク知ってる人全員見れるやつ結構ある」; reading.yaml somes).</summary>
    public bool IsSome(string clause, int end) => _somes.Any(s =>
        clause.AsSpan(end).StartsWith(s, StringComparison.Ordinal)
        || (clause.IndexOf(s, end, StringComparison.Ordinal) is var at and >= 0 && clause.Length - at - s.Length <= 2));

    /// <summary>「みんな分かっとる」「みんな守っとる」: the staff know it without a measure (reading.yaml tacit).</summary>
    public bool IsTacit(string clause) => _tacit.Any(t => clause.Contains(t, StringComparison.Ordinal));

    /// <summary>「息子にやれやれ言われとる」: someone urges the measure; that is no yes to it (reading.yaml urgings). Only where
    /// the urging is what the clause ends in (a few kana of ending after it): 「言われてやってます」 does it.</summary>
    public bool IsUrged(string clause) =>
        _urgings.Any(u => clause.IndexOf(u, StringComparison.Ordinal) is var at and >= 0 && clause.Length - at - u.Length <= 5);

    /// <summary>「それだけは決めてある」「それしか決めてない」: the clause says that what came before is all (reading.yaml limitsBack).</summary>
    public bool LimitsBack(string clause) => _limitsBack.Any(l => clause.StartsWith(l, StringComparison.Ordinal));

    /// <summary>「考えたこともない」「聞いたことない」: the owner has never thought about it (reading.yaml unaware).</summary>
    public bool IsUnaware(string clause) => _unaware.Any(u => clause.Contains(u, StringComparison.Ordinal));

    /// <summary>「やろうと思っとる」「作ろうとは思う」: a volitional form before と思う says what the owner means to do.</summary>
    public bool IsIntention(string clause) => Intention().IsMatch(clause);

    [System.Text.RegularExpressions.GeneratedRegex("(?:ろう|よう|こう|とう|ごう|ぼう|もう)(?:とは|と|って)(?:思|おも)")]
    private static partial System.Text.RegularExpressions.Regex Intention();

    /// <summary>「昔は」「前は」: the clause is about the past (reading.yaml times.past).</summary>
    public bool IsPast(string clause) => _pastTimes.Any(t => clause.Contains(t, StringComparison.Ordinal));

    /// <summary>「繁忙期なら」「月初は」「半日なら」: the clause says when or for how long it holds (reading.yaml times.when).</summary>
    public bool SaysWhen(string clause) => _when.Any(t => clause.Contains(t, StringComparison.Ordinal));

    /// <summary>「前は」「昔は」: the clause is about how things were, set against now (reading.yaml times.formerly).</summary>
    public bool IsFormerly(string clause) => _formerly.Any(t => clause.Contains(t, StringComparison.Ordinal));

    /// <summary>「入れてた」「やっとった」: the clause ends in a state that held before (reading.yaml times.pastStates); before a
    /// contrast (「入れてたけど期限切れたまま」) it is the past.</summary>
    public bool EndsInPastState(string clause) => _pastStates.Any(t => clause.EndsWith(t, StringComparison.Ordinal));

    /// <summary>「今は」「最近は」: the clause is about now (reading.yaml times.present).</summary>
    public bool IsPresent(string clause) => _presentTimes.Any(t => clause.Contains(t, StringComparison.Ordinal));

    /// <summary>「止まるってほどじゃない」「完璧というほどではない」: ほど between a word and its negation denies only its degree.</summary>
    public bool IsDegreeDenied(string clause, int end, int denialAt) =>
        denialAt > end && clause.AsSpan(end, denialAt - end).Contains("ほど", StringComparison.Ordinal);

    /// <summary>「作ろう作ろうと思ってまだ」: the negation at <paramref name="denialAt"/> is the 「まだない」 of "not yet", which leaves a
    /// no-word (作ろう, 後回し) a no rather than denying it.</summary>
    public bool IsNotYet(string clause, int denialAt) =>
        denialAt >= 2 && clause.AsSpan(0, denialAt).EndsWith("まだ", StringComparison.Ordinal);

    // 「一回だけ話した」 is once ever, 「月1回だけ」 a rhythm: 回 after a number with no period before it says "only part".
    private static bool IsOnlyOnce(string clause, int counter)
    {
        if (clause[counter] != '回')
            return false;
        var at = counter - 1;
        while (at >= 0 && (char.IsAsciiDigit(clause[at]) || "〇一二三四五六七八九十".Contains(clause[at])))
            at--;
        return at < counter - 1 && (at < 0 || !"月年週日毎".Contains(clause[at]));
    }

    private static bool IsNumberEnd(char c) => char.IsAsciiDigit(c) || "〇一二三四五六七八九十百千万億円人名台回件".Contains(c);

    /// <summary>A word that ends right before a premise marker (「止まると困る」) describes a situation, not the answer.
    /// A word ending in ない before と (「使えないと少し困る」) is the condition 〜ないと as well.</summary>
    public bool IsPremise(string clause, int end) =>
        end < clause.Length && (_premises.Any(p => clause.AsSpan(end).StartsWith(p, StringComparison.Ordinal))
                                || (clause[end] == 'と' && clause.AsSpan(0, end).EndsWith("ない", StringComparison.Ordinal)));

    /// <summary>A word that ends right before a customer marker (「問屋さんに出す」「工務店に卸す」) names whom the goods go to.</summary>
    public bool IsCustomer(string clause, int end) => end < clause.Length && _customers.Any(c => clause.AsSpan(end).StartsWith(c, StringComparison.Ordinal));

    private int NegationAt(string clause, int from)
    {
        // 「手順はまだ」「その後は特に」: the negation left unsaid at the end.
        foreach (var unsaid in _unsaidNegations)
        {
            if (clause.EndsWith(unsaid, StringComparison.Ordinal) && clause.Length - unsaid.Length >= from)
                return clause.Length - unsaid.Length;
        }
        for (var i = Math.Max(0, from); i < clause.Length; i++)
        {
            foreach (var negation in _negations)
            {
                if (!clause.AsSpan(i).StartsWith(negation, StringComparison.Ordinal))
                    continue;
                if (IsAdjective(clause, i) || IsCondition(clause, i + negation.Length) || IsOnly(clause, from, i))
                    continue;
                // 「信用がなくなる」「売上30万くらいなくなる」: なくなる after が or an amount (reading.yaml losses) is being lost,
                // not a denial (「やらなくなった」 is one).
                if (negation.StartsWith("なくな", StringComparison.Ordinal) && IsLoss(clause, i))
                    continue;
                // やめ denies only as done: 「やめた」「やめて(いる)」「やめました」. 「やめられない」「やめたい」「やめなあかん」 are not
                // quitting (yet), so what stands before is not denied, by this or a later ない.
                if (negation == "やめ" && i + 2 < clause.Length && !(clause.AsSpan(i + 2).StartsWith("た", StringComparison.Ordinal) && !clause.AsSpan(i + 2).StartsWith("たい", StringComparison.Ordinal))
                    && clause[i + 2] is not ('て' or 'ま'))
                    return -1;
                // 「ず」「ぬ」 deny only at the end of a clause, before に/で (「せずに」) or before the next word (「補助金は使わず
                // 自己資金で」); elsewhere they are parts of words (ずつ, ずっと).
                if (negation is "ず" or "ぬ" && i + 1 < clause.Length && clause[i + 1] is not ('に' or 'で') && !(clause[i + 1] is >= '\u4E00' and <= '\u9FFF'))
                    continue;
                return i;
            }
        }
        return -1;
    }

    private bool IsLoss(string clause, int at)
    {
        var before = clause.AsSpan(0, at).TrimEnd(' ');
        foreach (var mark in _losses)
        {
            if (before.EndsWith(mark, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // 「俺しかおらん」「口頭でしか言ってない」: しか … ない says "only", a yes to what stands before しか (not たしか, しかも). The
    // しか pairs with the first ない after it: in 「俺しかメール見ないから言ってない」 the second is a plain no.
    private static bool IsOnly(string clause, int from, int negationAt)
    {
        for (var at = clause.IndexOf("しか", Math.Max(0, from), StringComparison.Ordinal); at >= 0 && at < negationAt; at = clause.IndexOf("しか", at + 1, StringComparison.Ordinal))
        {
            var paired = clause.IndexOf("ない", at + 2, StringComparison.Ordinal);
            if (paired >= 0 && paired < negationAt)
                continue;
            if ((at == 0 || clause[at - 1] != 'た') && !clause.AsSpan(at).StartsWith("しかも", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private bool IsAdjective(string clause, int negationAt)
    {
        foreach (var stem in _notNegations)
        {
            var start = negationAt + 1 - stem.Length;   // the stem's last character is the negation's 「な」
            if (start >= 0 && clause.AsSpan(start).StartsWith(stem, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private bool IsCondition(string clause, int after) =>
        after < clause.Length && _conditionals.Any(c => clause.AsSpan(after).StartsWith(c, StringComparison.Ordinal));

    private sealed class ReadingRulesYaml
    {
        public Dictionary<string, string>? Canonical { get; set; }
        public List<string>? Negations { get; set; }
        public List<string>? NotNegations { get; set; }
        public List<string>? Losses { get; set; }
        public List<string>? Conditionals { get; set; }
        public List<string>? Premises { get; set; }
        public List<string>? Customers { get; set; }
        public List<string>? DoubleNegations { get; set; }
        public List<string>? NegativeItems { get; set; }
        public List<string>? DegreeNegatives { get; set; }
        public List<string>? Hedges { get; set; }
        public List<string>? Conjectures { get; set; }
        public List<string>? PartialHedges { get; set; }
        public List<string>? NotHedges { get; set; }
        public List<string>? Doubts { get; set; }
        public List<string>? FitDoubts { get; set; }
        public List<string>? Others { get; set; }
        public List<string>? Speakers { get; set; }
        public List<string>? Retractions { get; set; }
        public Dictionary<string, List<string>>? Marks { get; set; }
        public List<string>? Reasons { get; set; }
        public List<string>? Verdicts { get; set; }
        public List<string>? Vague { get; set; }
        public List<string>? Statements { get; set; }
        public List<string>? PartialNegations { get; set; }
        public List<string>? UnsaidNegations { get; set; }
        public List<string>? EmbeddedQuestions { get; set; }
        public AtALossYaml? AtALoss { get; set; }
        public List<string>? Contrasts { get; set; }
        public SpaceJoinsYaml? SpaceJoins { get; set; }
        public List<string>? Partials { get; set; }
        public List<string>? NotPartials { get; set; }
        public List<string>? Urgings { get; set; }
        public List<string>? LimitsBack { get; set; }
        public List<string>? Unaware { get; set; }
        public List<string>? Somes { get; set; }
        public List<string>? Tacit { get; set; }
        public TimesYaml? Times { get; set; }
        public List<string>? Opinions { get; set; }
        public List<string>? Musts { get; set; }
        public List<string>? Avoidances { get; set; }
        public List<string>? NotAvoidances { get; set; }
        public Dictionary<string, string>? KanaWords { get; set; }
        public List<string>? Endings { get; set; }
        public List<string>? Affirmations { get; set; }
        public QuantitiesYaml? Quantities { get; set; }
    }

    private sealed class AtALossYaml
    {
        public List<string>? Shoulds { get; set; }
        public List<string>? Unknowing { get; set; }
    }

    private sealed class TimesYaml
    {
        public List<string>? Past { get; set; }
        public List<string>? Formerly { get; set; }
        public List<string>? When { get; set; }
        public List<string>? PastStates { get; set; }
        public List<string>? Present { get; set; }
    }

    private sealed class SpaceJoinsYaml
    {
        public List<string>? Continues { get; set; }
        public List<string>? Leads { get; set; }
    }

    private sealed class QuantitiesYaml
    {
        public List<string>? RangeMarks { get; set; }
        public List<string>? Fillers { get; set; }
        public List<string>? Approximately { get; set; }
        public List<string>? Owners { get; set; }
        public List<string>? Staff { get; set; }
        public List<string>? Joins { get; set; }
        public List<string>? NotJoins { get; set; }
        public List<string>? Persons { get; set; }
        public List<string>? Totals { get; set; }
        public List<string>? Rough { get; set; }
        public List<string>? Under { get; set; }
        public List<string>? Over { get; set; }
        public List<string>? AtLeast { get; set; }
        public List<string>? Around { get; set; }
        public List<string>? IfTotals { get; set; }
        public List<string>? Actually { get; set; }
        public List<string>? Seasonal { get; set; }
        public List<string>? Irregular { get; set; }
    }
}
