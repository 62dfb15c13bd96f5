using Mamori.Core;
using Mamori.Core.Answering;
using Mamori.Core.Diagnosis;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Desk.Cases;

namespace Mamori.Host.Desk;

/// <summary>
/// What the desk should know when a case opens, read from the conversation's stored state: the answers in words (the
/// question's topic, the owner's own words or the button pressed), the last result with its first measures, and the
/// chat so far: each question asked with the owner's reply, then the free questions and their answers.
/// </summary>
/// <remarks>
/// The transcript is rebuilt from what the state keeps anyway (answers in order, the recent free questions), so no turn
/// pays for recording a chat log that only a handoff reads.
/// </remarks>
internal sealed class CaseSnapshots(IConversationStore store, DiagnosisKit kit, TimeProvider clock)
{
    private const int MeasuresShown = 5;
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public async Task<CaseSnapshot> TakeAsync(ConversationKey conversation, string userId, CancellationToken ct)
    {
        var state = (await store.LoadConversationAsync(conversation, ct))?.State;
        if (state is null)
            return CaseSnapshot.Empty;

        // The chat keeps no time per line: the lines are stamped with the moment the case opened, in order.
        var now = clock.GetUtcNow();
        var answers = AnswerSet.Empty;
        var rows = new List<ProfileAnswer>();
        var transcript = new List<TranscriptLine>();
        foreach (var recorded in state.Answers)
        {
            answers = answers.With(recorded.QuestionId, recorded.Code, recorded.Raw.Length == 0 ? null : recorded.Raw);
            if (!kit.Script.TryGet(recorded.QuestionId, out var question))
                continue;
            string said = question.InWords(recorded.Code, recorded.Raw);
            rows.Add(new ProfileAnswer(question.Topic, said));
            transcript.Add(new TranscriptLine(TranscriptRole.Bot, question.Prompt.Trim(), now));
            transcript.Add(new TranscriptLine(TranscriptRole.Owner, said, now));
        }
        transcript.AddRange(state.History.Select(line =>
            new TranscriptLine(line.Role == ConversationRole.User ? TranscriptRole.Owner : TranscriptRole.Bot, line.Text, now)));

        CaseDiagnosis? diagnosis = null;
        if (state.DiagnosisCompleted && (await store.LoadUserAsync(new UserKey(conversation.TenantId, userId), ct))?.State.LastResult is { } last)
        {
            var result = kit.Classify(answers, DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(JapanOffset).Date));
            diagnosis = new CaseDiagnosis(last.Headline, last.PrimaryBarrier, last.MaturityStep,
                [.. result.Recommendations.Select(r => r.Title).Distinct().Take(MeasuresShown)]);
        }

        return new CaseSnapshot(diagnosis, rows, transcript);
    }
}
