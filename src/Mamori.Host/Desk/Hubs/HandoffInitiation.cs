using System.Text.Json;
using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Tenants;

namespace Mamori.Host.Desk.Hubs;

/// <summary>
/// Builds the Bot Framework handoff.initiate event for a conversation just handed to a hub (<see cref="HubHandoff"/>):
/// <c>value</c> is the handoff context (why, the diagnosis, the profile answers, read from the stored state like a desk
/// case's snapshot, <see cref="CaseSnapshots"/>), and the transcript attachment carries the recent chat as message
/// activities: the channel's own when it keeps them (Direct Line), else the snapshot's, rebuilt from the state (each
/// diagnosis question with the owner's reply, then the free questions and their answers; no times, the state keeps
/// none). The channel addresses the event and delivers it after the owner-facing reply.
/// </summary>
internal sealed class HandoffInitiation(IHubHolds holds, CaseSnapshots snapshots, TenantCatalog tenants)
{
    public const string EventName = "handoff.initiate";

    // As the Bot Framework SDK's EventFactory attaches it: hubs look for this content type and name.
    public const string TranscriptContentType = "application/json";
    public const string TranscriptName = "Transcript";

    /// <returns>The unaddressed event, or null when this turn handed nothing to a hub.</returns>
    /// <param name="recent">The conversation's recent message activities, oldest first, where the channel keeps them.</param>
    public async Task<Activity?> ForAsync(TurnResult result, ChannelAccount bot, IReadOnlyList<Activity>? recent, CancellationToken ct)
    {
        if (result.Handoff is not { } request || !await holds.IsHeldAsync(request.Conversation, ct))
            return null;

        var snapshot = await snapshots.TakeAsync(request.Conversation, request.UserId, ct);
        var owner = new ChannelAccount { Id = request.UserId, Role = "user" };
        var self = new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = "bot" };   // Teams' recipient carries no role
        var context = new HandoffContext(
            request.Reason,
            request.Conversation.TenantId,
            tenants.Find(request.Conversation.TenantId)?.Options.DeskName,
            snapshot.Diagnosis is { } d ? new HandoffDiagnosis(d.Text, d.PrimaryBarrier, d.MaturityStep, d.Measures) : null,
            [.. snapshot.Answers.Select(a => new HandoffAnswer(a.Topic, a.Answer))]);
        var transcript = new HandoffTranscript(recent ?? [.. snapshot.Transcript.Select(line => new Activity
        {
            Type = "message",
            From = line.Role == TranscriptRole.Owner ? owner : self,
            Text = line.Text,
            Locale = "ja-JP",
        })]);

        return new Activity
        {
            Type = "event",
            Name = EventName,
            Value = JsonSerializer.SerializeToElement(context, HubJson.Default.HandoffContext),
            Attachments = [new Attachment
            {
                ContentType = TranscriptContentType,
                Name = TranscriptName,
                Content = JsonSerializer.SerializeToElement(transcript, HubJson.Default.HandoffTranscript),
            }],
        };
    }
}
