using Mamori.Core.Diagnosis;

namespace Mamori.Core.Understanding;

public sealed partial class ReplyReader
{
    /// <summary>
    /// One pass over the clauses of one reply: what each clause says about the question — the choices it names, denies
    /// or limits, or the yes or no its ending says — as <see cref="Signal"/>s, for <see cref="Prune"/> and
    /// <see cref="Resolve"/> to weigh. Used once, by one thread.
    /// </summary>
    private sealed class ClausePass(Question question, ChoiceLexicon lexicon, ReadingRules rules, IReadOnlyList<Clause> clauses, bool hedged)
    {
        private readonly Polarity? _polarity = question.Polarity;
        private bool _carried;   // 「会計データのみ、月に一度保存」: a clause that only limits carries its "only part" to the next
        private bool _hedgedOtherwise = hedged;   // by a hedge word, or a yes only in part
        private bool _hedgedByDoubleNegation;     // 「困らんことはない」
        private readonly List<int> _doublyNegated = [];

        public List<Signal> Signals { get; } = [];

        /// <summary>Per clause: whether it said something the reading used.</summary>
        public bool[] Read { get; } = new bool[clauses.Count];

        /// <summary>Choices a clause denied (「補助金は使わない」).</summary>
        public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

        /// <summary>Undenied words that name several choices at once: each word's candidates.</summary>
        public List<IReadOnlyList<string>> Ambiguous { get; } = [];

        /// <summary>Clauses that name only whom the goods go to (「スーパー向け」).</summary>
        public HashSet<int> CustomersOnly { get; } = [];

        /// <summary>The reply holds a hedge, or a clause said its yes only weakly (「困らんことはない」).</summary>
        public bool Hedged => _hedgedOtherwise || _hedgedByDoubleNegation;

        public void ReadAll()
        {
            for (var c = 0; c < clauses.Count; c++)
                ReadClause(c);
            // 「何かあったら社長に電話、くらい」: a last clause that only limits makes the yes before it partly.
            if (_carried && _polarity?.Mixed is { } limited)
                Relabel(s => s.Code == _polarity.Affirmed, limited);
            // 「入れてないことはないです、更新もされてます」「取ってないことはないです。毎週金曜にUSBにコピーしてます」: a double
            // negation and then the yes said plainly in a later clause is that yes: the double negation said "of course".
            // Not across a contrast: 「しとらんことはないけど、ちゃんとは…」 still says only part.
            if (_polarity?.Affirmed is { } yes && _doublyNegated.Count > 0 && !clauses.Skip(_doublyNegated[0] + 1).Any(c => c.AfterContrast)
                && Signals.Any(s => s.Code == yes && s.Strength != Strength.Weak && s.Clause > _doublyNegated[0] && !_doublyNegated.Contains(s.Clause)))
            {
                Signals.RemoveAll(s => _doublyNegated.Contains(s.Clause));
                _hedgedByDoubleNegation = false;
            }
        }

        private void ReadClause(int c)
        {
            var clause = clauses[c].Text;
            if (lexicon.Exact(clause) is { } exact)
            {
                Say(new Signal(exact, Strength.Strong, c, lexicon.IsUnsure(clause), lexicon.IsDecisive(clause)));
                return;
            }
            // 「まず息子に電話します。それだけは決めてございます」: a clause saying that what came before is all makes its yes partly.
            if (c > 0 && _polarity is { Mixed: { } onlyThat, Affirmed: { } all } && rules.LimitsBack(clause))
            {
                Relabel(s => s.Code == all && s.Clause < c, onlyThat);
                Read[c] = true;
                return;
            }
            var hits = lexicon.Find(clause).Where(h => !rules.IsPremise(clause, h.End)).ToList();
            var polarityOf = rules.Polarity(clause);
            // 「使い回してねえことはねえ」: a bad practice whose denial is denied holds, if only in part — the no.
            if (_polarity?.Denied is { } bad && polarityOf == ClausePolarity.DoublyNegated
                && hits.Any(h => h.Code == bad && !h.SelfNegative && !rules.IsUnsaidNegation(clause[h.Start..h.End])))
            {
                Say(new Signal(bad, Strength.Strong, c));
                return;
            }
            // 「やってないことはない」「おらんこともない」: whatever the words, the clause says a weak yes.
            // 「困らないことはない」: a word that is itself a no (困らない) is what the clause denies, so it says nothing either.
            if (_polarity is not null && polarityOf == ClausePolarity.DoublyNegated)
                hits.RemoveAll(h => h.Code is null || h.SelfNegative || _polarity.Codes.Contains(h.Code) || h.Code == question.Unknown.Code);
            // 「社内だけにしとる」「俺だけ」: an "only" inside a choice's own word is that word, not "only part".
            var partial = _polarity?.Mixed is not null && (_carried || rules.HasPartial(WithoutChoiceWords(clause)));
            _carried = partial && hits.Count == 0 && polarityOf == ClausePolarity.None;
            Read[c] = _carried || hits.Count > 0;
            if (_carried)
                return;
            // 「誰に聞けばいいかも分からん」「何をすればいいか分からない」: not knowing what to do is the no, not 「わからない」.
            if (_polarity?.Denied is { } atALoss && rules.IsAtALoss(clause))
            {
                Say(new Signal(atALoss, Strength.Strong, c));
                return;
            }
            if (_polarity?.Mixed is { } partlyDenied && rules.IsPartlyDenied(clause))
            {
                Say(new Signal(partlyDenied, Strength.Strong, c));   // 「全部はやってない」
                return;
            }
            hits = Narrowed(clause, c, hits);
            ReadWords(clause, c, hits, partial);
            if (hits.Count == 0 && _polarity is not null)
                ReadEnding(clause, c, polarityOf, partial);
        }

        // The words that name what the clause is about, less those that only describe it, its customers, or a question
        // inside it.
        private List<WordHit> Narrowed(string clause, int c, List<WordHit> hits)
        {
            // 「店長の俺」「社長の息子」: on a question whose choices are named (no plain yes), 「A の B」 is B as well.
            if (question.Places)
                hits = WithoutInnerPlaces(clause, hits);
            if (_polarity is null || _polarity is { Affirmed: null, Mixed: null })
                hits = WithoutModifiers(clause, hits);
            if (_polarity is null)
            {
                hits = WithoutCustomers(clause, hits);
                if (hits.Count > 0 && hits.All(h => rules.IsCustomer(clause, h.End)))
                    CustomersOnly.Add(c);
            }
            if (rules.EmbeddedQuestionAt(clause) is var embedded and >= 0)
                hits.RemoveAll(h => h.Start < embedded);   // 「入っとるかどうか分からん」: only 分からん answers
            return hits;
        }

        // The choices a clause names, each said or denied by what follows it.
        private void ReadWords(string clause, int c, List<WordHit> hits, bool partial)
        {
            var consumed = -1;   // where the negation that denied an earlier word begins: it is that word's, not a "no" of its own
            var choiceDeniedAt = -1;   // where the negation of a choice named and denied begins (「機密は扱っていない」)
            foreach (var hit in hits)
            {
                if (hit.SelfNegative && hit.Code == _polarity?.Denied && consumed >= hit.Start && consumed < hit.End)
                    continue;
                // 「機密情報は扱っておりません」: 扱っていない denies 機密; beside a choice named in another clause it is no
                // 「ほとんどない」 of its own (Echo), but alone (「保険？入ってない」) it still is.
                var echo = hit.SelfNegative && choiceDeniedAt >= hit.Start && choiceDeniedAt < hit.End;
                var denialAt = hit.SelfNegative || rules.IsNegativeItem(clause[hit.Start..hit.End]) ? -1 : rules.DenialAt(clause, hit.End);
                var denied = denialAt >= 0;
                if (hit.Code is null)
                {
                    if (!denied)
                        Ambiguous.Add(hit.Candidates);
                }
                else if (!denied && _polarity is { Mixed: { } some } && hit.Code == _polarity.Denied && rules.IsSome(clause, hit.End))
                {
                    Say(new Signal(some, Strength.Strong, c));   // 「初期設定のままのもある」: some of them only
                }
                else if (!denied)
                {
                    // 「会計データだけ取ってる」: a yes about only part of it is the question's "partly".
                    Say(new Signal(partial && hit.Code == _polarity!.Affirmed ? _polarity.Mixed! : hit.Code, Strength.Strong, c,
                                   lexicon.IsUnsure(clause, hit), lexicon.IsDecisive(clause, hit), echo));
                }
                else if (_polarity is { Mixed: { } lesser } && hit.Code != lesser && hit.Code != _polarity.Denied && hit.Code != question.Unknown.Code
                         && rules.IsDegreeDenied(clause, hit.End, denialAt))
                {
                    Say(new Signal(lesser, Strength.Strong, c));   // 「止まるってほどじゃない」: less than that is the middle
                    consumed = denialAt;
                }
                else if (_polarity is not null && hit.Code == _polarity.Denied && rules.IsNotYet(clause, denialAt))
                {
                    Say(new Signal(hit.Code, Strength.Strong, c));   // 「作ろうと思ってまだ」: not yet is still no
                    consumed = denialAt;
                }
                else if (_polarity is not null && hit.Code == _polarity.Denied && _polarity.Affirmed is { } good)
                {
                    Say(new Signal(good, Strength.Strong, c));   // 「使い回しはしてない」: a bad practice denied
                    consumed = denialAt;
                }
                else if (_polarity is not null && hit.Code != _polarity.Denied && _polarity.Denied is { } no
                         && (hit.Code == _polarity.Affirmed || hit.Code == _polarity.Mixed || hit.Code == _polarity.Hedged))
                {
                    Say(new Signal(no, Strength.Strong, c));     // 「一部もやってない」
                    consumed = denialAt;
                }
                else
                {
                    Excluded.Add(hit.Code);                              // 「補助金は使わない」: not that choice…
                    if (_polarity?.Denied is { } denial)
                        Say(new Signal(denial, Strength.Weak, c));   // …and, said alone, probably none of them
                    choiceDeniedAt = denialAt;
                }
            }
        }

        // A clause that names no choice says yes or no by how it ends (「取っていません」), mapped onto the question's choices.
        private void ReadEnding(string clause, int c, ClausePolarity polarityOf, bool partial)
        {
            var polarity = _polarity!;
            // 「文書にはしとらんけど、みんな守っとる」: that the staff know or keep it without being told is no yes to the measure,
            // nor is being told to do it (「息子にやれやれ言われとるんやけど」).
            if (polarityOf == ClausePolarity.Affirmed && polarity.Mixed is not null && (rules.IsTacit(clause) || rules.IsUrged(clause)))
            {
                Read[c] = true;
                return;
            }
            // 「やろうやろうとは思っとるんやけど…」: on a measure, meaning to do it is not doing it yet.
            if (question.Stage == Domain.Stage.Measures && polarity.Denied is { } notYet && polarityOf == ClausePolarity.Affirmed && rules.IsIntention(clause))
            {
                Say(new Signal(notYet, Strength.Generic, c));
                return;
            }
            switch (polarityOf)
            {
                // 「誓約書出さなあかん」 says the requirement is there; 「見直さなあかんとは思っとる」 that the practice is not yet.
                case ClausePolarity.Must when (question.Stage == Domain.Stage.Measures ? polarity.Denied : polarity.Affirmed) is { } must:
                    Say(new Signal(must, Strength.Generic, c));
                    break;
                // 「かけてないのがある」: some of them are not is the question's "partly".
                case ClausePolarity.Negated when polarity.Mixed is { } someNot && rules.EndsInSome(clause):
                    Say(new Signal(someNot, Strength.Generic, c));
                    break;
                case ClausePolarity.Negated when polarity.Denied is { } no:
                    Say(new Signal(no, Strength.Generic, c));
                    break;
                case ClausePolarity.Affirmed when polarity.Affirmed is { } yes:
                    Say(new Signal(partial ? polarity.Mixed! : yes, Strength.Generic, c));
                    // 「ある程度」 to a question with no middle choice: a yes only in part is the owner's to place.
                    _hedgedOtherwise |= polarity.Mixed is null && rules.HasPartial(clause);
                    break;
                // 「困らんことはない」 on a question with only a middle choice to weaken to (ITが止まったら): that middle.
                case ClausePolarity.DoublyNegated when (polarity.Hedged ?? polarity.Affirmed ?? polarity.Mixed) is { } weakYes:
                    // The middle choice is said as such (「困らんことはない」 is 一部で困る), as if named.
                    Say(new Signal(weakYes, polarity is { Hedged: null, Affirmed: null } ? Strength.Strong : Strength.Generic, c));
                    _doublyNegated.Add(c);
                    _hedgedByDoubleNegation = true;
                    break;
            }
        }

        private void Say(Signal signal)
        {
            Signals.Add(signal);
            Read[signal.Clause] = true;
        }

        private void Relabel(Predicate<Signal> which, string code)
        {
            for (var i = 0; i < Signals.Count; i++)
            {
                if (which(Signals[i]))
                    Signals[i] = Signals[i] with { Code = code };
            }
        }

        private string WithoutChoiceWords(string clause)
        {
            var hits = lexicon.Find(clause);
            if (hits.Count == 0)
                return clause;
            var sb = new System.Text.StringBuilder(clause);
            foreach (var hit in hits)
            {
                for (var i = hit.Start; i < hit.End; i++)
                    sb[i] = '・';
            }
            return sb.ToString();
        }

        // 「機械部品の問屋」: in 「A の B」 the last word names the thing (問屋), the earlier one only describes it (部品); the の
        // may be the last word's own (「店長の俺」, owner's 「の俺」).
        // A last word that names several (「浜松の中区」「東京の府中市」) is told apart by the first, which stays; a list
        // (「施主さんの個人情報とゼネコンの図面」) names both.
        private static List<WordHit> WithoutModifiers(string clause, List<WordHit> hits) =>
            hits.Where((h, i) => !hits.Skip(i + 1).Any(later => later.Code is not null && later.Code != h.Code && Possessed(clause, h, later))).ToList();

        // 「金沢の東山」: for places, B in 「AのB」 lies in A; where they name different choices, B's name is another place's
        // (東山区 of Kyoto), so A stays. Only の right after A: 「石川寄りの富山」 is in 富山.
        private static List<WordHit> WithoutInnerPlaces(string clause, List<WordHit> hits) =>
            hits.Where(h => h.Code is null || !hits.Any(outer => outer.Code is not null && outer.Code != h.Code
                                                                            && outer.End < clause.Length && clause[outer.End] == 'の'
                                                                            && Possessed(clause, outer, h))).ToList();

        // 「A の B」, not a list (「AとBの」「AやB」「AもB」).
        private static bool Possessed(string clause, WordHit a, WordHit b) =>
            b.Start >= a.End && clause.AsSpan(a.End, b.Start - a.End + 1) is var between
                             && between.Contains('の') && between.IndexOfAny("とやも") < 0;

        // 「かまぼこ作って問屋さんに出しとる」「建材を工務店さんに卸しとる」: a trade the goods go to is the customer, not the
        // owner's own trade, when the owner's is named too (reading.yaml customers).
        private List<WordHit> WithoutCustomers(string clause, List<WordHit> hits)
        {
            var own = hits.Where(h => !rules.IsCustomer(clause, h.End)).ToList();
            return own.Count > 0 && own.Count < hits.Count ? own : hits;
        }
    }
}
