namespace Mamori.Core.Diagnosis;

/// <summary>One recorded answer: the code the classifier reads, and what the user actually typed or pressed (quoted in the report).</summary>
public sealed record Answer(string Code, string Raw);
