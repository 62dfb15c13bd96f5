namespace Mamori.Core.Conversations;

/// <summary>What the bot remembers about a user across conversations (per tenant): the last diagnosis result.</summary>
public sealed record UserState
{
    public LastDiagnosis? LastResult { get; init; }

    public int DiagnosesCompleted { get; init; }
}

/// <param name="PrimaryBarrier">Stage code of the primary barrier, or null when no stage is blocked.</param>
/// <param name="Headline">One Japanese sentence summarising the result, as the report wrote it.</param>
public sealed record LastDiagnosis(DateTimeOffset CompletedAt, string? PrimaryBarrier, int MaturityStep, string Headline);
