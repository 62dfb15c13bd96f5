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
/// <param name="Misses">Replies to this question the parser could not map; after two the bot records 「わからない」 and moves on.</param>
public sealed record DiagnosisFrame(string QuestionId, int Misses = 0) : DialogFrame;
