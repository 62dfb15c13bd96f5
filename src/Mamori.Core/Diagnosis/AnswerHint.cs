namespace Mamori.Core.Diagnosis;

/// <summary>
/// What owners say that points at a choice without answering the question (questions.yaml <c>hints</c>): 「付箋に貼ってる」
/// to 「パスワードは長くして、使い回さないようにしていますか？」, 「共有なんて使っとらん」 to the sharing question, 「社員おらんけん」 to
/// 「社員に伝えていますか？」. A reply that says nothing else is asked back with <see cref="Code"/> as the guess, in
/// <see cref="Note"/> said first: labellers marked such replies as ones a careful person asks about (knowledge/eval/README.md).
/// </summary>
/// <param name="Words">Found anywhere in a clause, in canonical form like the choices' words, when no negation follows them.</param>
/// <param name="Note">Why the bot asks, in one or two sentences said before 「『〇〇』ということでよろしいですか？」
/// (「共有フォルダやクラウドを使っていなければ、この項目は心配いりません。」); null: the question alone.</param>
public sealed record AnswerHint(string Code, IReadOnlyList<string> Words, string? Note);
