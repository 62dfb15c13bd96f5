using System.Text.Json.Serialization;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// handoff.initiate's <c>value</c>: what the hub routes on and shows its staff. Its own records, not the desk's, so the
/// wire shape hubs are configured against does not change when the desk's case sheet does.
/// </summary>
/// <param name="Desk">The desk's name as the owner was told it.</param>
public sealed record HandoffContext(string Reason, string TenantId, string? Desk, HandoffDiagnosis? Diagnosis, IReadOnlyList<HandoffAnswer> Answers);

/// <param name="Barrier">The blocking stage code (motivation, awareness, …), or null when nothing blocks.</param>
/// <param name="Step">Maturity step 1–4, or null when too many answers were 「わからない」.</param>
public sealed record HandoffDiagnosis(string Summary, string? Barrier, int? Step, IReadOnlyList<string> Measures);

public sealed record HandoffAnswer(string Topic, string Answer);

/// <summary>The SDK's Transcript: <c>{ "activities": [...] }</c>, oldest first.</summary>
public sealed record HandoffTranscript(IReadOnlyList<Activity> Activities);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandoffContext))]
[JsonSerializable(typeof(HandoffTranscript))]
internal sealed partial class HubJson : JsonSerializerContext;
