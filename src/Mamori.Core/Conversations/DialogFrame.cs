using System.Text.Json.Serialization;

namespace Mamori.Core.Conversations;

/// <summary>One entry of the dialog stack. Typed, so stored state says exactly what the bot was waiting for.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MenuFrame), "menu")]
[JsonDerivedType(typeof(DiagnosisFrame), "diagnosis")]
public abstract record DialogFrame;

/// <summary>The bottom of the stack: the bot offers the diagnosis and takes free questions.</summary>
public sealed record MenuFrame : DialogFrame;

/// <summary>The diagnosis is running and waits for an answer to <paramref name="QuestionId"/>.</summary>
/// <param name="Misses">Replies to this question that could not be read; after two the bot offers to go on with 「わからない」.</param>
/// <param name="Pending">A guess the bot has asked the owner to confirm (「『〇〇』ということでよろしいですか？」); nothing is recorded until then.</param>
public sealed record DiagnosisFrame(string QuestionId, int Misses = 0, PendingAnswer? Pending = null) : DialogFrame;

/// <summary>A reading waiting for the owner's yes: the guessed code, what the owner wrote, and the other choices it could be.</summary>
public sealed record PendingAnswer(string Code, string Raw, IReadOnlyList<string>? Alternatives = null);
