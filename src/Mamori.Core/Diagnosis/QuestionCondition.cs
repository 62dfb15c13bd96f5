using Mamori.Core.Diagnosis.Conditions;

namespace Mamori.Core.Diagnosis;

/// <summary>
/// A question's skipWhen rule, or its askWhen: the condition on earlier answers, and why the question is then left out,
/// in the owner's Japanese (the report lists 「省略した質問と理由」 from <see cref="DiagnosisScript.Skipped"/>).
/// </summary>
internal sealed record QuestionCondition(Condition When, string Because);

/// <summary>A question the answers made pointless, and why, for the report.</summary>
/// <param name="Topic">The question's short name (「事故に備えたお金」).</param>
/// <param name="Reason">The rule's <c>because</c> from questions.yaml.</param>
public sealed record SkippedQuestion(string QuestionId, string Topic, string Reason);
