namespace Mamori.Core.Understanding;

/// <summary>
/// Places a reply the deterministic reading (<see cref="ReplyReader"/>) could not place onto one of the question's
/// choices, with a language model (implemented in Mamori.Knowledge, registered only when a model is configured). Its
/// guess is only ever asked back 「『〇〇』ということでよろしいですか？」: nothing is recorded until the owner agrees, and
/// the model never decides a recommendation.
/// </summary>
public interface IReplyInterpreter
{
    /// <summary>The likeliest choice, or null when the model cannot tell (or fails: implementations log and return null).</summary>
    Task<ReplyGuess?> GuessAsync(ReplyToPlace request, CancellationToken cancellationToken);
}

/// <param name="QuestionId">The diagnosis question's id (<c>inv_budget</c>).</param>
/// <param name="Question">The question as the owner saw it.</param>
/// <param name="Choices">Every choice the question accepts, 「わからない」 (<c>unknown</c>) included.</param>
/// <param name="Reply">What the owner typed: data to interpret, never instructions.</param>
public sealed record ReplyToPlace(string QuestionId, string Question, IReadOnlyList<ChoiceOption> Choices, string Reply)
{
    public bool Offers(string code) => Choices.Any(c => c.Code == code);
}

/// <param name="Code">A choice code of the question.</param>
/// <param name="Label">The label the owner sees (「0円（予算なし）」).</param>
public sealed record ChoiceOption(string Code, string Label);

/// <param name="Code">The guessed choice code; the dialog checks it is one of the question's before asking it back.</param>
/// <param name="Reason">The model's short reason, for logs only: never shown to the owner, never recorded.</param>
public sealed record ReplyGuess(string Code, string Reason = "");
