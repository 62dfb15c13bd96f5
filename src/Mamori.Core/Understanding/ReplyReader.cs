using Mamori.Core.Diagnosis;
using Mamori.Core.Text;

namespace Mamori.Core.Understanding;

/// <summary>
/// Reads an owner's reply to one diagnosis question — a pressed button, a code, or free Japanese in any register or
/// dialect — into a <see cref="ReplyReading"/>: understood, a guess to confirm, not understood, or a question of the
/// owner's own. One reading for every channel, `mamori understand` and `mamori diagnose`. Pure and thread-safe.
/// </summary>
/// <remarks>
/// The reply is cut into clauses (punctuation, 「けど」「ものの」…), each folded and rewritten to canonical forms
/// (<see cref="ReadingRules"/>). In each clause the choice words are found (<see cref="ChoiceLexicon"/>), and each is
/// denied when a negation follows it (「保険には入っていない」 denies 保険). A clause that names no choice still says
/// yes or no by how it ends (「取っていません」), which the question's <see cref="Polarity"/> maps onto a choice. Then:
/// yes and no in different clauses is the "partly" choice; one choice named is the answer; several are combined
/// (図面 + 名簿 = 両方) or asked back; a hedge (一応, たぶん) weakens a yes. Numbers are read for count and amount
/// questions. Anything the reader is not sure of is a <see cref="ReadingOutcome.Confirm"/>: the owner decides.
/// </remarks>
public sealed partial class ReplyReader
{
    /// <summary>Readings at least this sure are recorded without asking.</summary>
    public const double UnderstoodAt = 0.7;

    private readonly ReadingRules _rules;
    private readonly QuestionDetector _questions;
    private readonly Dictionary<string, ChoiceLexicon> _lexicons;

    public ReplyReader(DiagnosisScript script, ReadingRules rules, QuestionDetector questions)
    {
        _rules = rules;
        _questions = questions;
        // Built once: the questions are immutable, and every turn reads with them.
        _lexicons = script.Questions.ToDictionary(q => q.Id, q => new ChoiceLexicon(q, rules), StringComparer.Ordinal);
    }

    public ReplyReading Read(Question question, string? text)
    {
        text = text is null ? null : _rules.Shape.Trimmed(text, choice: question.Kind == QuestionKind.Choice);
        var folded = JapaneseFold.Fold(text);
        if (folded.Length == 0)
            return ReplyReading.NotUnderstood;
        var lexicon = _lexicons[question.Id];

        // A pressed button, a code or a whole-reply synonym is taken as it is, before anything else.
        var whole = _rules.Canonicalize(_rules.StripEndings(_rules.Canonicalize(folded)));
        if (lexicon.Exact(folded) is { } pressed)
            return lexicon.IsUnsure(folded) ? Reading(question, pressed, 0.6, "exact+unsure") : Reading(question, pressed, 1.0, "exact");
        if (lexicon.Exact(whole) is { } exact)
        {
            if (lexicon.IsUnsure(whole))
                return Reading(question, exact, 0.6, "exact+unsure");
            // 「まあまあかな」「ちょっと困るかなー」: the endings taken off held a hedge, so the whole reply is a guess; on the
            // measures, 「できていると思います」 held an opinion, which weakens a yes like a hedge.
            var wholeReading = Reading(question, exact, 1.0, "exact");
            var words = ChoiceWords(folded, lexicon);
            var weakened = HasHedge(question, folded, words) || (question.Stage == Domain.Stage.Measures && _rules.HasOpinionOutside(folded, words));
            return Vague(folded, weakened ? HedgedWords(question, Hedge(question, wholeReading, NotSureItIsDone(question, folded, words))) : wholeReading);
        }

        // A message whose last sentence is clearly a question is one, even if a choice word is in it (「無料でも大丈夫ですか」);
        // 「ウイルス対策？してないです」 ends in an answer, so it is read as one.
        if (_questions.IsClearQuestion(_rules.WithoutStatements(LastSentence(text!))))
            return AnsweredFirst(question, text!) ?? ReplyReading.AQuestion;

        // Someone's words quoted, and nothing said after them, are the answer (a reason in them is still asked).
        if (_rules.Shape.QuotedWords(text!) is { } quoted && Read(question, quoted) is { Outcome: ReadingOutcome.Understood or ReadingOutcome.Confirm } said)
            return said with { Source = said.Source + "+quoted" };
        text = ReplyShape.WithNamesNeutral(text!);
        var reading = ReadWords(question, lexicon, text!);
        // 「五十人はおらんな、四十ちょいや」: a 「わからない」 found only by forgiving a typo (おらん ≈ わからん) is no reason to skip the number.
        if (question.Kind != QuestionKind.Choice && (reading.Code != question.Unknown.Code || reading.Source == "typo"))
            reading = WithQuantity(question, JapaneseFold.Fold(ReplyShape.WithYenAsUnit(NumberList().Replace(text!, ListedRange))), reading);

        // 「大きいだろうなとは思う」 is an opinion, not 「〜とは？」.
        if (reading.Outcome == ReadingOutcome.NotUnderstood && _questions.IsQuestion(_rules.WithoutStatements(LastSentence(text!))))
            return ReplyReading.AQuestion;
        return reading;
    }

    // 「5、6人」 is five or six, not fifty-six (a thousands separator has three digits after it: 「10,000円」); 「25、6人」
    // and 「二十五、六人」 are twenty-five or twenty-six: the second number takes the first one's leading digits.
    [System.Text.RegularExpressions.GeneratedRegex(@"(\d+|[一二三四五六七八九十百]+)[、,，](\d{1,2}|[一二三四五六七八九])(?![\d十百千万])")]
    private static partial System.Text.RegularExpressions.Regex NumberList();

    private static string ListedRange(System.Text.RegularExpressions.Match m)
    {
        var (first, second) = (m.Groups[1].Value, m.Groups[2].Value);
        var sameKind = char.IsAsciiDigit(first[0]) == char.IsAsciiDigit(second[0]);
        var widened = sameKind && second.Length < first.Length ? first[..^second.Length] + second : second;
        return first + "〜" + widened;
    }

    // 「入れてない。Macやし要らんやろ？」「ない。どこに聞いたらええの？」: an answer read with confidence before a question is
    // the answer; the question is answered too (AlsoAsked), before the next one.
    private ReplyReading? AnsweredFirst(Question question, string text)
    {
        var last = LastSentence(text);
        var head = text.TrimEnd()[..^last.Length].TrimEnd();
        if (head.Length == 0 || Read(question, head) is not { Outcome: ReadingOutcome.Understood, AlsoAsked: null } answer)
            return null;
        // 「…毎年聞かれます。市は取引先になるんでしょうか」: a question whether the answer fits is the owner's doubt: asked back.
        return _rules.DoubtsTheFit(JapaneseFold.Fold(last))
            ? answer with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = answer.Source + "+fit" }
            : answer with { AlsoAsked = last.Trim() };
    }

    private static string LastSentence(string text)
    {
        var trimmed = text.TrimEnd();
        var cut = trimmed.Length > 0 ? trimmed[..^1].LastIndexOfAny(['。', '？', '?', '！', '!', '\n']) : -1;
        return cut < 0 ? trimmed : trimmed[(cut + 1)..];
    }

    private enum Strength { Weak, Generic, Strong }

    /// <param name="Unsure">Read from a word too loose to record alone (questions.yaml unsure: 「困る」).</param>
    /// <param name="Decisive">Read from a word that says the very thing asked (questions.yaml decisive: 「口頭だけ」).</param>
    /// <param name="Echo">Read from a no-word that only denies a choice named before it in the clause (「機密情報は扱っていない」).</param>
    private readonly record struct Signal(string Code, Strength Strength, int Clause, bool Unsure = false, bool Decisive = false, bool Echo = false);

    private ReplyReading ReadWords(Question question, ChoiceLexicon lexicon, string text)
    {
        var split = _rules.Split(text);
        var clauses = split.Select(c => c.Text).ToList();
        var folded = JapaneseFold.Fold(text);
        // Hedges often sit in the endings a clause loses (「…かな」), so they are looked for in the whole reply, outside the
        // choices' own words (「少し困る」 is a choice, not a hedge).
        var words = ChoiceWords(folded, lexicon);   // where the choices' own words are (「少し困る」 holds no hedge)
        var hedgeWord = HasHedge(question, folded, words);
        var pass = new ClausePass(question, lexicon, _rules, split, hedgeWord);
        pass.ReadAll();
        var signals = pass.Signals;
        var hedged = pass.Hedged;
        // 「してないことはない」「…だけ」 weaken a yes by how much was done, like 「一応」; 「たぶん」 and 「つもり」 by whether.
        var unsure = hedgeWord && NotSureItIsDone(question, folded, words);
        var hinted = clauses.Select(lexicon.Hint).ToArray();   // per clause: words that point at a choice without answering

        Prune(question, split, clauses, pass);
        var result = ContrastedDenial(question, split, signals) ?? Resolve(question, lexicon, clauses, signals, pass.Ambiguous);
        if (result is null)
        {
            return Hinted(question, hinted, signals)
                   ?? (clauses.Select(lexicon.FindWithTypo).FirstOrDefault(t => t is not null) is { } typo
                       ? Reading(question, typo.Code, 0.6, "typo")
                       : OnlyPart(question, clauses) ?? ReplyReading.NotUnderstood);
        }
        // 「前はしてた」: a practice said to have been kept only before (前は, 昔は) is most likely not kept now; the owner says which.
        if (result is { Outcome: ReadingOutcome.Understood } && question.Stage is Domain.Stage.Measures or Domain.Stage.Talent
            && question.Polarity is { Denied: { } notNow } && result.Code == question.Polarity.Affirmed
            && signals.Count > 0 && signals.All(s => _rules.IsFormerly(clauses[s.Clause])))
            result = Reading(question, notNow, 0.5, "past-only", [notNow, result.Code!]);
        result = hedged ? Hedge(question, result, unsure) : result;
        // 「できてると思う」「使い回しはしてないと思います」: the owner's opinion of his own practice is a guess at the weaker
        // choice on the measures; elsewhere an opinion is the answer itself (「あると思う」, 「責任は重いと思う」).
        if (!hedged && question.Stage == Domain.Stage.Measures && _rules.HasOpinionOutside(folded, words))
            result = Hedge(question, result, unsure: true);
        // A reason instead of an answer (「…から大丈夫」): what it means for the question is the owner's to say. A plain no
        // with its reason (「ルール自体がないので…」「Macやけん要らんやろ」) is that no.
        if (result.Outcome == ReadingOutcome.Understood && _rules.HasReason(folded)
            && !(result.Source == "polarity" && result.Code == question.Polarity?.Denied)
            && (result.Source is "polarity" or "contrast" or "hedge" || (result.Source == "words" && _rules.HasVerdict(folded))))
            result = result with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = result.Source + "+reason" };
        if (hedged)
            result = HedgedWords(question, result);
        // A no or a contrast said as a guess is asked back even where a guess says a view (HasHedge's opinion).
        hedged |= _rules.HasHedgeOutside(folded, words);
        // 「入っとるけど、期限切れとるかもしれん」: yes and a no in doubt make no sure "partly" either.
        if (hedged && result.Outcome == ReadingOutcome.Understood && result.Source == "contrast" && _rules.HasDoubt(folded))
            result = result with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = result.Source + "+hedge" };
        // A hedged no (「そこまでは感じてないかな」), or a named no in doubt (「期限切れとるかもしれん」), is a guess as well.
        if (hedged && result.Outcome == ReadingOutcome.Understood && result.Code == question.Polarity?.Denied && (result.Source != "words" || _rules.HasDoubt(folded)))
            result = result with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = result.Source + "+hedge" };
        result = Undecided(question, signals, result);
        result = DiffersByWhen(question, clauses, signals, result);
        result = PartAndNo(question, clauses, signals, result);
        var reading = Inferred(question, TwoSides(question, split, pass.Read, Unread(split, pass.Read, Vague(folded, Unsure(signals, result)))));
        return reading.Alternatives is null && Hinted(question, hinted, signals) is { } hint ? hint : reading;
    }

    // What the clause pass found, less what other clauses say it is not: choices denied elsewhere, the past when now is
    // said, clauses naming only customers, no-words that only deny a named choice.
    private void Prune(Question question, IReadOnlyList<Clause> split, List<string> clauses, ClausePass pass)
    {
        var polarity = question.Polarity;
        // A clause about the past by its words (昔は, 前は), or one that ends in a state that held before and is contrasted
        // with the next (「入れてたけど、期限切れたまま」).
        bool IsPast(int c) => _rules.IsPast(clauses[c])
            || (c + 1 < split.Count && split[c + 1].AfterContrast && _rules.EndsInPastState(clauses[c]));
        var (signals, customersOnly) = (pass.Signals, pass.CustomersOnly);
        signals.RemoveAll(s => pass.Excluded.Contains(s.Code) && s.Strength != Strength.Strong);
        // 「昔はやってたけど、今はやってない」「最初はやってたけど、だんだんやらなくなった」: on a "do you do X" question, what
        // holds now is the answer, not "partly": a clause about now, or else one after the past that is not about the past.
        // With a word for now after the past (「前にアップデートしたら…えらい目に遭うた。それからは触ってへん」), the whole story
        // from the past to it is the past.
        if (polarity is not null && Enumerable.Range(0, clauses.Count).FirstOrDefault(IsPast, -1) is var past and >= 0
            && signals.Any(s => _rules.IsPresent(clauses[s.Clause]) || (s.Clause > past && !IsPast(s.Clause))))
        {
            var now = clauses.FindIndex(past + 1, _rules.IsPresent);
            signals.RemoveAll(s => !_rules.IsPresent(clauses[s.Clause]) && (IsPast(s.Clause) || (s.Clause > past && s.Clause < now)));
        }
        // 「週１で取ってます。ただ、戻せるかどうか試したことはありません」: a clause about something beside the question yields.
        if (question.AsideWords.Count > 0)
        {
            // The clauses are folded already, like the words.
            var aside = clauses.Select(c => question.AsideWords.Any(w => c.Contains(w, StringComparison.Ordinal))).ToArray();
            if (signals.Any(s => !aside[s.Clause]))
                signals.RemoveAll(s => aside[s.Clause]);
        }
        // 「食品の卸やってます、スーパー向け」: a clause naming only the customers yields to a trade named in another.
        if (customersOnly.Count > 0 && signals.Any(s => !customersOnly.Contains(s.Clause) && s.Strength == Strength.Strong))
            signals.RemoveAll(s => customersOnly.Contains(s.Clause));
        // 「患者様の情報を取り扱っております。取引先の機密情報は扱っておりません」: the second sentence only rules 機密 out.
        var echoes = signals.Where(s => s.Echo).ToList();
        if (echoes.Count > 0 && signals.Any(s => !s.Echo && s.Strength == Strength.Strong && s.Code != question.Unknown.Code
                                                 && echoes.All(e => e.Clause != s.Clause && e.Code != s.Code)))
            signals.RemoveAll(s => s.Echo);
    }

    // The one choice said in the clauses the question marks as principal, unless about the past or another company; null when
    // none or several.
    private string? PrincipalCode(Question question, IReadOnlyList<string> clauses, IEnumerable<Signal> signals) =>
        question.PrincipalWords.Count == 0 ? null
        : signals.Where(s => !_rules.IsPast(clauses[s.Clause]) && !_rules.IsAboutOthers(clauses[s.Clause])
                             && question.PrincipalWords.Any(w => JapaneseFold.Fold(clauses[s.Clause]).Contains(w, StringComparison.Ordinal)))
            .Select(s => s.Code).Distinct().ToList() is [var only] ? only : null;

    // 「困る」: a reading that rests only on words too loose to record alone (how much?) is the owner's to confirm. Two
    // clauses that say it in loose words each (「困るけど、電話とFAXでなんとかなる」) say it for sure.
    private static ReplyReading Unsure(List<Signal> signals, ReplyReading reading) =>
        reading is { Outcome: ReadingOutcome.Understood, Source: "words" or "exact" }
        && signals.Where(s => s.Code == reading.Code).Select(s => s.Clause).Distinct().Count() == 1
        && signals.All(s => s.Code != reading.Code || s.Unsure)
            ? reading with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = reading.Source + "+unsure" }
            : reading;

    // 「付箋に書いてモニターに貼ってる」「共有なんて使っとらん」: a reply that says only what points at a choice, and not what
    // the question asks (how long the passwords are; whether what is shared is closed), is asked back with the hint's guess
    // and its own question. Another clause that reads as another choice (「…、でも銀行のは長い」) keeps the reading.
    private static ReplyReading? Hinted(Question question, AnswerHint?[] hinted, List<Signal> signals)
    {
        if (hinted.FirstOrDefault(h => h is not null) is not { } hint || signals.Any(s => hinted[s.Clause] is null && s.Code != hint.Code))
            return null;
        return Reading(question, hint.Code, 0.6, "hint") with { Note = hint.Note };
    }

    // 「全部おんなじパスワード使っとる」: on a question whose yes owners say in their own words (Polarity.AskBack), a yes
    // read from a sentence that names no choice, or a yes and a no weighed across a contrast, is the owner's to confirm.
    // A plain no (「確認したことはない」) stays read: on replies nobody had tuned on, inferred yeses and contrasts were
    // wrong three to five times as often as named choices (knowledge/eval/README.md, replies, gate).
    private static ReplyReading Inferred(Question question, ReplyReading reading) =>
        reading.Outcome == ReadingOutcome.Understood && question.Polarity is { AskBack: not InferredAskBack.None } polarity
        && (reading.Source == "contrast"
            || (polarity.AskBack == InferredAskBack.YesAndContrast && reading.Source == "polarity" && reading.Code == polarity.Affirmed))
            ? reading with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = reading.Source + "+inferred" }
            : reading;

    // 「漁船の保険はあるばってん、パソコンのはなか」: a choice named on one side of a contrast and a plain no on the other,
    // on a question whose choices are named (no plain yes, no middle choice), may be about something else than the question
    // (the boat, not the PC): the owner says which, with the later side as the guess. Where a plain yes has a choice,
    // 「まだないけど、そのうち言われそう」 is the named choice.
    private static ReplyReading? ContrastedDenial(Question question, IReadOnlyList<Clause> split, List<Signal> signals)
    {
        if (question.Polarity is not { Affirmed: null, Mixed: null, Denied: { } no })
            return null;
        foreach (var denial in signals.Where(s => s.Strength == Strength.Generic && s.Code == no))
        {
            var named = signals.FirstOrDefault(s => s.Strength == Strength.Strong && s.Code != no && s.Code != question.Unknown.Code
                                                    && s.Clause != denial.Clause && split[Math.Max(s.Clause, denial.Clause)].AfterContrast);
            if (named.Code is null)
                continue;
            var last = named.Clause > denial.Clause ? named.Code : no;
            return Reading(question, last, 0.5, "contrast-conflict", [last, last == no ? named.Code : no]);
        }
        return null;
    }

    // 「決まった予算はないけど、ソフト代は払ってる」: a contrast says the other side matters, so when one side says nothing
    // the reading understood, the answer is a guess for the owner to confirm.
    private static ReplyReading Unread(IReadOnlyList<Clause> split, bool[] read, ReplyReading reading)
    {
        if (reading.Outcome != ReadingOutcome.Understood)
            return reading;
        for (var c = 1; c < split.Count; c++)
        {
            if (split[c].AfterContrast && (!read[c] || !read[c - 1]))
                return reading with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = reading.Source + "+unread" };
        }
        return reading;
    }

    // 「スマホは自動、パソコンはしてない」「パソコン2台は更新、1台は古いWindows7です」: two things side by side (each with は),
    // one read as yes or no and the other not read, are most likely the question's "partly": the owner confirms.
    private ReplyReading TwoSides(Question question, IReadOnlyList<Clause> split, bool[] read, ReplyReading reading)
    {
        if (reading.Outcome != ReadingOutcome.Understood || question.Stage != Domain.Stage.Measures || question.Polarity is not { Mixed: { } partly } polarity
            || (reading.Code != polarity.Affirmed && reading.Code != polarity.Denied))
            return reading;
        for (var c = 1; c < split.Count; c++)
        {
            if (IsTopic(split[c - 1].Text) && IsTopic(split[c].Text) && read[c] != read[c - 1]
                && !_rules.IsPast(split[c - 1].Text) && !_rules.IsPast(split[c].Text))
                return reading with { Outcome = ReadingOutcome.Confirm, Code = partly, Label = question.LabelOf(partly), Confidence = 0.5,
                                      Source = reading.Source + "+two-sides", Alternatives = [partly, reading.Code!] };
        }
        return reading;
    }

    private static bool IsTopic(string clause) => clause.IndexOf(TopicParticle, 1) > 0;

    // 「繁忙期なら止まるし、暇な時期なら平気」: on a question whose only choice between is the middle (ITが止まったら), two sides
    // that differ by when (reading.yaml times.when) are the owner's to place: the middle as the guess, the sides beside it.
    private ReplyReading DiffersByWhen(Question question, IReadOnlyList<string> clauses, List<Signal> signals, ReplyReading reading) =>
        reading is { Outcome: ReadingOutcome.Understood, Source: "contrast" } && question.Polarity is { Affirmed: null, Mixed: { } middle }
        && reading.Code == middle && signals.Any(s => _rules.SaysWhen(clauses[s.Clause]))
            ? reading with { Outcome = ReadingOutcome.Confirm, Confidence = 0.5, Source = "contrast+when",
                             Alternatives = [middle, .. signals.Select(s => s.Code).Where(c => c != middle && c != question.Unknown.Code).Distinct()] }
            : reading;

    // 「特に決めてはおりませんが、実質的には社長が見ております」: where the question says so (Polarity.AskNoBeside), the no in
    // one clause and a named choice in another is the owner's to say: asked back, the reading as the guess.
    private static ReplyReading Undecided(Question question, List<Signal> signals, ReplyReading result)
    {
        if (result.Outcome != ReadingOutcome.Understood || question.Polarity is not { AskNoBeside: true, Denied: { } no })
            return result;
        var denied = signals.Where(s => s.Code == no && !s.Echo).Select(s => s.Clause).ToHashSet();
        var named = signals.FirstOrDefault(s => s.Code != no && s.Code != question.Unknown.Code && !denied.Contains(s.Clause));
        if (denied.Count == 0 || named.Code is null)
            return result;
        var other = result.Code == no ? named.Code : no;
        return result with { Outcome = ReadingOutcome.Confirm, Confidence = 0.5, Source = result.Source + "+undecided", Alternatives = [result.Code!, other] };
    }

    // 「会計データだけ」「事務の子にだけ」: only a part named, with nothing else said, is the question's "partly".
    private ReplyReading? OnlyPart(Question question, IReadOnlyList<string> clauses) =>
        question.Polarity?.Mixed is { } partly && clauses is [.., var last] && IsOnlyPart(last)
            ? Reading(question, partly, 0.75, "only")
            : null;

    // 「新しいパソコンだけ。古い方はそのまま」: on a measure, only a part named in a clause of its own, then a no about the
    // other things (は), is "partly" too.
    private ReplyReading PartAndNo(Question question, IReadOnlyList<string> clauses, List<Signal> signals, ReplyReading reading) =>
        reading.Outcome == ReadingOutcome.Understood && question.Stage == Domain.Stage.Measures
        && question.Polarity is { Mixed: { } partly, Denied: { } no } && reading.Code == no
        && signals.FirstOrDefault(s => s.Code == no && IsTopic(clauses[s.Clause])) is { Code: not null } denial
        && Enumerable.Range(0, denial.Clause).Any(c => signals.All(s => s.Clause != c) && IsOnlyPart(clauses[c]))
            ? Reading(question, partly, 0.75, "only+no")
            : reading;

    private bool IsOnlyPart(string clause) =>
        clause.Length > 2 && _rules.HasPartial(clause)
        && (clause.EndsWith("だけ", StringComparison.Ordinal) || clause.EndsWith("のみ", StringComparison.Ordinal));

    // 「まあまあやっとる」 says neither yes nor partly for sure: the owner picks, with the reading as the guess.
    private ReplyReading Vague(string folded, ReplyReading reading) =>
        reading.Outcome == ReadingOutcome.Understood && reading.Source != "number" && _rules.IsVague(folded)
            ? reading with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = reading.Source + "+vague" }
            : reading;

    // A hedge inside a choice's own word (「少し困る」「少しは」) is that word, not a hedge of the reply.
    private bool HasHedge(Question question, string folded, List<(int Start, int End)> choiceWords) =>
        _rules.HasHedgeOutside(folded, choiceWords, opinion: question.Stage is Domain.Stage.Motivation or Domain.Stage.Awareness);

    private static List<(int Start, int End)> ChoiceWords(string folded, ChoiceLexicon lexicon) =>
        lexicon.Find(folded).Select(h => (h.Start, h.End)).ToList();

    // 「Windowsは」「ソフトは」: a clause that names what it is about.
    private const char TopicParticle = 'は';

    // Characters of a first clause that is nothing but the answer (「取っていない」「入れていない」, canonical forms).
    private const int MaxBareAnswer = 8;

    private ReplyReading? Resolve(Question question, ChoiceLexicon lexicon, IReadOnlyList<string> clauses, List<Signal> signals, List<IReadOnlyList<string>> ambiguous)
    {
        var polarity = question.Polarity;
        var firm = signals.Where(s => s.Strength != Strength.Weak).ToList();
        // Yes in one clause and no in another: 「ソフトは入れてるけど更新はしてない」 is the question's "partly".
        if (polarity?.Mixed is { } partly && firm.Any(s => s.Code == polarity.Affirmed || s.Code == partly) && firm.Any(s => s.Code == polarity.Denied))
        {
            // 「取ってない。NAS1台にすべてが入ってる」「入れてない、Macだし大丈夫っしょ」: a bare no said first is the answer and the
            // rest its story (over the tuning files 22 of 24 such replies meant no; the other two said how much, 半分).
            if (firm.Any(s => s.Clause == 0) && firm.Where(s => s.Clause == 0).All(s => s.Code == polarity.Denied)
                && clauses[0].Length <= MaxBareAnswer && !clauses[0].Contains(TopicParticle)
                && _rules.Polarity(clauses[0]) == ClausePolarity.Negated && !_rules.IsDegreeNegative(clauses[0])
                && !_rules.IsDoublyNegated(string.Concat(clauses))   // 「最新にしていない、ということはない」
                && firm.All(s => s.Code != partly))
                return Reading(question, polarity.Denied!, 0.8, "bare-first");
            // 「ルールはあるけど、口頭だけ」「決めとるけど、文書にはしとらん」: a side that says the very thing asked decides.
            var decided = firm.Where(s => s.Decisive).Select(s => s.Code).Distinct().ToList();
            return Reading(question, decided is [var only] ? only : partly, 0.85, "contrast");
        }

        // 「Windowsはやってる。ほかのソフトはわからない」: one thing said done, then another said not known, is most likely the
        // middle choice, for the owner to confirm. Not 「わからない、息子がやってる」 (someone else does it) nor 「…設定かどうかは
        // 知らん」 (the very thing asked is not known).
        if (polarity is { Affirmed: { } done, Mixed: { } some }
            && firm.FirstOrDefault(s => (s.Code == done || s.Code == some) && clauses[s.Clause].Contains(TopicParticle)) is { Code: not null } side
            && firm.Any(s => s.Code == question.Unknown.Code && s.Clause > side.Clause && clauses[s.Clause].Contains(TopicParticle)
                             && _rules.EmbeddedQuestionAt(clauses[s.Clause]) < 0)
            && firm.All(s => s.Code == done || s.Code == some || s.Code == question.Unknown.Code))
            return Reading(question, some, 0.5, "contrast-unknown", [some, question.Unknown.Code]);
        // 「税理士さんに聞くくらいで、ITの相談先はない」: the clause the question marks as the principal one (questions.yaml
        // principal) decides against a choice named elsewhere, even when it says its answer only as a plain no.
        if (PrincipalCode(question, clauses, firm) is { } principalCode && firm.Any(s => s.Code != principalCode))
            return Reading(question, principalCode, 0.85, "principal");
        foreach (var strength in new[] { Strength.Strong, Strength.Generic })
        {
            var codes = signals.Where(s => s.Strength == strength).Select(s => s.Code).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count == 0)
                continue;
            // 「言うてへんなあ、わしもよう知らんし」: a plain no in one clause and 「分からない」 in another: the owner says which,
            // with the no as the guess (「考えたことはあるけど分からない」 stays 「分からない」).
            // 「わかんねえ、考えたこともねえ」: beside 「分からん」, never having thought about it makes 「分からん」 the guess.
            if (codes is [var only] && only == question.Unknown.Code && polarity?.Denied is { } denied
                && signals.FirstOrDefault(s => s.Strength == Strength.Generic && s.Code == denied
                                               && !signals.Any(u => u.Code == only && u.Clause == s.Clause)) is { Code: { } answer } denial)
                return _rules.IsUnaware(clauses[denial.Clause])
                    ? Reading(question, only, 0.5, "conflict", [only, answer])
                    : Reading(question, answer, 0.5, "conflict", [answer, only]);
            // A town found in two prefectures, told apart by the prefecture also named (「東京の府中市」).
            if (codes.Count == 1)
                return Reading(question, codes[0], strength == Strength.Strong ? 0.9 : 0.8, strength == Strength.Strong ? "words" : "polarity");
            // 「お助け隊に電話することになってて、社内の連絡順も決めてある」: of several choices named, one said by a word that says
            // the very thing asked (questions.yaml decisive: the steps, not only whom to call) decides.
            if (signals.Where(s => s.Strength == strength && s.Decisive).Select(s => s.Code).Distinct().ToList() is [var decisive])
                return Reading(question, decisive, 0.85, "decisive");
            if (lexicon.Combine(codes, signals.Where(s => s.Strength == strength).Select(s => s.Clause).Distinct().Count() == 1) is { } combined)
                return Reading(question, combined, 0.85, "combined");
            // 「伝えてない、自分もよく分からんし」: on a measure, a no and 「分からない」 are no middle: the owner says which, the
            // no as the guess.
            if (question.Stage == Domain.Stage.Measures && codes.Count == 2 && polarity?.Denied is { } no && codes.Contains(no) && codes.Contains(question.Unknown.Code))
                return Reading(question, no, 0.5, "conflict", [no, question.Unknown.Code]);
            // 「事務所は止まるけど工場は動く」: two different answers in two clauses of a question with a middle choice is that choice.
            if (polarity?.Mixed is { } middle && signals.Where(s => s.Strength == strength).Select(s => s.Clause).Distinct().Count() > 1)
            {
                // 「入れとるけど、更新はよう分からん」: 「わからない」 on one side is no second answer, so the middle is only a guess.
                return codes.Contains(question.Unknown.Code)
                    ? Reading(question, middle, 0.5, "contrast-unknown", [middle, question.Unknown.Code])
                    : Reading(question, middle, 0.75, "contrast");
            }
            // 「本社は東京、工場は群馬」: the clause the question marks as the principal one (questions.yaml principal) decides,
            // unless it is about the past (「前は東京に本社があったけど、今は埼玉」).
            if (PrincipalCode(question, clauses, signals.Where(s => s.Strength == strength)) is { } principal)
                return Reading(question, principal, 0.85, "principal");
            // Two choices named and nothing to tell them apart: ask, guessing what the owner said last.
            var last = signals.Where(s => s.Strength == strength).MaxBy(s => s.Clause).Code;
            return Reading(question, last, 0.5, "conflict", [last, .. codes.Where(c => c != last)]);
        }
        if (ambiguous.Count > 0)
        {
            var candidates = ambiguous.Aggregate((IEnumerable<string>)ambiguous[0], (a, b) => a.Intersect(b)).ToList();
            if (candidates.Count == 0)
                candidates = [.. ambiguous[0]];
            return candidates.Count == 1
                ? Reading(question, candidates[0], 0.8, "ambiguous-resolved")
                : Reading(question, candidates[0], 0.4, "ambiguous", candidates);
        }
        var weak = signals.Select(s => s.Code).Distinct(StringComparer.Ordinal).ToList();
        return weak.Count == 1 ? Reading(question, weak[0], 0.6, "denial") : null;
    }

    // 「名刺くらいかなぁ」「たぶん製造業」: a hedged name of a choice is a guess where the question has no weaker choice, unless
    // the choices are estimates themselves (questions.yaml estimates: 「年10万くらいかな」).
    private static ReplyReading HedgedWords(Question question, ReplyReading result) =>
        result.Outcome == ReadingOutcome.Understood && result.Source is "words" or "exact" or "combined" && question.Polarity?.Hedged is null
        && !question.Estimates
            ? result with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = result.Source + "+hedge" }
            : result;

    // 「一応やってる」: a yes hedged by how much is the weaker choice where the question has one; 「たぶんやってる」「大丈夫な
    // はず」 (<paramref name="unsure"/>: not sure it is done at all) is asked which of the two it is, the yes first (labellers
    // read such replies as the yes two times in three); any hedged yes where the question has no weaker choice is a guess.
    private ReplyReading Hedge(Question question, ReplyReading reading, bool unsure)
    {
        if (question.Polarity is not { Affirmed: { } yes } polarity || reading.Code != yes)
            return reading;
        if (polarity.Hedged is not { } weaker)
            return reading with { Outcome = ReadingOutcome.Confirm, Confidence = 0.6, Source = "hedge" };
        return unsure
            ? Reading(question, yes, 0.6, "hedge+unsure", [yes, weaker])
            : Reading(question, weaker, 0.8, "hedge");
    }

    // A hedge that says whether it is done (たぶん, はず, つもり, と思う), with no word saying how much (reading.yaml partialHedges).
    // Not on the owner's views (motivation, awareness): there a hedged view is the weaker view (「うちもあるかも」 is もしかしたら).
    private bool NotSureItIsDone(Question question, string folded, List<(int Start, int End)> words) =>
        question.Stage is not (Domain.Stage.Motivation or Domain.Stage.Awareness) && !_rules.HasPartialHedgeOutside(folded, words);

    private ReplyReading WithQuantity(Question question, string folded, ReplyReading byWords)
    {
        var quantity = question.Kind == QuestionKind.Count ? _rules.Quantities.People(folded) : _rules.Quantities.YenPerYear(folded);
        if (quantity is not { } q)
            return byWords;
        var low = question.Choices.FirstOrDefault(c => c.Contains(q.Min));
        var high = question.Choices.FirstOrDefault(c => c.Contains(q.Max));
        var number = q.Min == q.Max ? q.Min : (decimal?)null;
        if (low is null || high is null)
            return byWords;
        // A range across two bands (「5万から10万」) or words that disagree with the number: ask, with the number's band first.
        if (low != high)
            return Reading(question, low.Code, 0.5, "range", [low.Code, high.Code]) with { Number = number };
        // Words that disagree count even when they were only a guess (「決めてはないけど、毎年十万ぐらい」), but not a typo's.
        if (byWords.Code is { } said && said != low.Code && byWords.Outcome != ReadingOutcome.NotUnderstood && byWords.Source != "typo")
            return Reading(question, low.Code, 0.5, "number-vs-words", [low.Code, said]) with { Number = number };
        if (number is > 0 && _rules.Quantities.IsRough(folded) && Neighbour(question, low, number.Value) is { } other)
            return Reading(question, low.Code, 0.5, "number-on-edge", [low.Code, other.Code]) with { Number = number };
        return Reading(question, low.Code, 0.95, "number") with { Number = number };
    }

    // The band just below a band the number starts: 「十万くらい」 starts 「年10〜50万円」 and could be 「年10万円未満」. Only the
    // lower edge: a round number at a band's top (「5人くらい」「50人ぐらい」) is read in that band by owners and labellers alike.
    private static Choice? Neighbour(Question question, Choice band, decimal number) =>
        number == band.Min ? question.Choices.FirstOrDefault(c => c.Max == number - 1 && c.Min > 0) : null;

    private static ReplyReading Reading(Question question, string code, double confidence, string source, IReadOnlyList<string>? alternatives = null) =>
        new(confidence >= UnderstoodAt ? ReadingOutcome.Understood : ReadingOutcome.Confirm,
            code, confidence, question.LabelOf(code), null, alternatives, source);
}
