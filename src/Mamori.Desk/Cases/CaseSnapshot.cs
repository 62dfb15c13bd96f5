namespace Mamori.Desk.Cases;

/// <summary>
/// What the desk sees of the company when the case opens, copied so the case sheet stays as it was even if the owner
/// later starts the diagnosis again or the conversation's state is forgotten.
/// </summary>
/// <param name="Diagnosis">The result, if the diagnosis got that far; null when the owner asked midway.</param>
/// <param name="Answers">The profile answers so far, as the desk should read them.</param>
/// <param name="Transcript">The recent lines of the conversation, oldest first.</param>
public sealed record CaseSnapshot(CaseDiagnosis? Diagnosis, IReadOnlyList<ProfileAnswer> Answers, IReadOnlyList<TranscriptLine> Transcript)
{
    public static CaseSnapshot Empty { get; } = new(null, [], []);
}

/// <param name="Text">The summary as the owner was shown it.</param>
/// <param name="PrimaryBarrier">The contract stage code (motivation, awareness, …), or null when nothing blocks.</param>
/// <param name="MaturityStep">1–4, or null when too many answers were 「わからない」 to judge.</param>
/// <param name="Measures">One short line per recommended measure.</param>
public sealed record CaseDiagnosis(string Text, string? PrimaryBarrier, int? MaturityStep, IReadOnlyList<string> Measures);

/// <param name="Topic">What was asked (the question's short label or id).</param>
/// <param name="Answer">What the owner answered, in words.</param>
public sealed record ProfileAnswer(string Topic, string Answer);

public sealed record TranscriptLine(TranscriptRole Role, string Text, DateTimeOffset At);

public enum TranscriptRole
{
    Owner,
    Bot,
}
