using Mamori.Core.Answering;
using Mamori.Core.Conversations;

namespace Mamori.Core.Dialogs;

/// <summary>
/// The diagnosis waiting for an answer: a button or free text goes to the diagnosis's own matcher; a question is
/// answered and the same question asked again; anything else is re-prompted, and after two misses recorded as 「わからない」.
/// Pure and synchronous.
/// </summary>
internal sealed class DiagnosisStep(IDiagnosisFlow flow, DialogLanguage language, DialogReplies replies, int historyLines)
{
    private const int MissesBeforeMovingOn = 2;
    private const string UnknownCode = "unknown";

    private DialogWording W => language.Wording;

    public TurnOutcome Continue(ConversationState state, DiagnosisFrame frame, UserInput input, CommandKind? command)
    {
        if (flow.Find(frame.QuestionId) is not { } question)
            return Begin(state, []);   // the script changed under a stored conversation: carry on from the first open question

        // A pressed button is always an answer; a question about this question gets its help; a clear question is answered
        // even when it contains a choice word (「無料のソフトでも大丈夫ですか」 is not 「大丈夫」); then the parser; then a
        // short question; else a miss.
        var pressed = IsButton(question, input.Text);
        if (!pressed && !string.IsNullOrWhiteSpace(question.Help) && language.Questions.IsAboutTheQuestion(input.Text))
            return new TurnOutcome(state, [replies.Text(question.Help), replies.Question(question, state.Answers, frame.Misses > 0)]);

        if (!pressed && language.Questions.IsClearQuestion(input.Text))
            return Interrupt(state, frame, question, input);

        if ((flow.Match(question, input.Text) ?? (language.Commands.IsUnknown(input.Text) ? UnknownCode : null)) is { } code)
            return Advance(state.WithAnswer(new RecordedAnswer(question.Id, code, input.Text)), []);

        switch (command)
        {
            case CommandKind.Ask:
                return new TurnOutcome(state, [replies.Text(W.AskPromptInDiagnosis)]);
            case CommandKind.StartDiagnosis or CommandKind.Resume:
                return new TurnOutcome(state, [replies.Text(W.AlreadyInDiagnosis), replies.Question(question, state.Answers, frame.Misses > 0)]);
        }

        if (language.Questions.IsQuestion(input.Text))
            return Interrupt(state, frame, question, input);

        if (frame.Misses + 1 >= MissesBeforeMovingOn)
            return Advance(state.WithAnswer(new RecordedAnswer(question.Id, UnknownCode, "")), [replies.Text(W.MovedOnAsUnknown)]);

        var missed = frame with { Misses = frame.Misses + 1 };
        var retry = string.IsNullOrWhiteSpace(question.RetryPrompt) ? W.Reprompt : question.RetryPrompt;
        return new TurnOutcome(state.ReplaceTop(missed),
            [replies.Text(retry), replies.Question(question, state.Answers, offerUnknown: true)]);
    }

    private TurnOutcome Interrupt(ConversationState state, DiagnosisFrame frame, FlowQuestion question, UserInput input) =>
        new(state.WithLine(new ConversationLine(ConversationRole.User, input.Text), historyLines),
        [
            new AnswerQuestion(input.Text),
            replies.Text(W.ResumeAfterAnswer),
            replies.Question(question, state.Answers, frame.Misses > 0),
        ]);

    private static bool IsButton(FlowQuestion question, string text)
    {
        var key = TextNormalizer.Normalize(text);
        return question.Buttons.Append(question.UnknownLabel).Any(label => TextNormalizer.Normalize(label) == key);
    }

    /// <summary>Enters (or re-enters) the diagnosis at the first question not answered yet.</summary>
    public TurnOutcome Begin(ConversationState state, IReadOnlyList<Outgoing> lead) => Advance(state, lead);

    /// <summary>「ヘルプ」 during the diagnosis: how the bot works, why this question is asked, and the question again.</summary>
    public TurnOutcome Help(ConversationState state, DiagnosisFrame frame)
    {
        if (flow.Find(frame.QuestionId) is not { } question)
            return Begin(state, [replies.Text(W.Help)]);
        IEnumerable<Outgoing> about = string.IsNullOrWhiteSpace(question.Help) ? [] : [replies.Text(question.Help)];
        return new TurnOutcome(state, [replies.Text(W.Help), .. about, replies.Question(question, state.Answers, frame.Misses > 0)]);
    }

    private TurnOutcome Advance(ConversationState state, IReadOnlyList<Outgoing> lead)
    {
        if (flow.Next(state.Answers) is { } next)
        {
            return new TurnOutcome(
                state.ReplaceTop(new DiagnosisFrame(next.Id)),
                [.. lead, replies.Question(next, state.Answers, offerUnknown: false)]);
        }

        var outcome = flow.Conclude(state.Answers, state.Region);
        var done = state.Pop() with { DiagnosisCompleted = true };
        return new TurnOutcome(
            done,
            [.. lead, replies.Text(flow.Outro), .. outcome.Replies.Select(r => new Say(r)), replies.Text(W.AfterResult, replies.MenuChoices(done))],
            Completed: outcome.Summary);
    }
}
