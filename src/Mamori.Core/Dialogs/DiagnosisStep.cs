using Mamori.Core.Answering;
using Mamori.Core.Conversations;
using Mamori.Core.Messages;
using Mamori.Core.Text;
using Mamori.Core.Understanding;

namespace Mamori.Core.Dialogs;

/// <summary>
/// The diagnosis waiting for an answer. The reply is read (<see cref="ReplyReader"/>): understood → recorded and echoed in
/// one line with the next question; a guess → asked back 「『〇〇』ということでよろしいですか？」 and recorded only on yes;
/// a question of the owner's → answered, then the same question again; not understood → with a model configured, its
/// guess asked back the same way (<see cref="ApplyGuess"/>), else asked again with the buttons.
/// 「わからない」 is recorded only when the owner says so or agrees to it. Pure and synchronous.
/// </summary>
/// <param name="interpretReplies">A reply interpreter is registered: an unreadable reply is handed to it
/// (<see cref="InterpretReply"/>, then <see cref="ApplyGuess"/>) before the re-prompt.</param>
internal sealed class DiagnosisStep(IDiagnosisFlow flow, DialogLanguage language, DialogReplies replies, int historyLines, bool interpretReplies = false)
{
    private const int MissesBeforeOfferingUnknown = 2;
    private const string UnknownCode = "unknown";

    private DialogWording W => language.Wording;

    public TurnOutcome Continue(ConversationState state, DiagnosisFrame frame, UserInput input, CommandKind? command)
    {
        if (flow.Find(frame.QuestionId) is not { } question)
            return Begin(state, []);   // the script changed under a stored conversation: carry on from the first open question

        if (frame.Pending is { } pending)
        {
            if (Confirmation(question, pending, input.Text) is { } decided)
                return decided.Length == 0
                    ? new TurnOutcome(state.ReplaceTop(frame with { Pending = null }), [replies.Text(W.ConfirmDeclined), replies.Question(question, state.Answers)])
                    : Advance(state.WithAnswer(new RecordedAnswer(question.Id, decided, pending.Raw)), []);
            // Neither yes nor no: a new reply to the same question, and the guess is forgotten whatever comes next (a later
            // 「はい」 must not record it after a side question).
            frame = frame with { Pending = null };
            state = state.ReplaceTop(frame);
        }

        // A region button (or its name typed alone) opens that region's prefectures; 「地方を選び直す」 goes back.
        if (StepChosen(question, input.Text) is { } step)
            return Opened(state, step);

        if (!string.IsNullOrWhiteSpace(question.Help) && language.Questions.IsAboutTheQuestion(input.Text))
            return new TurnOutcome(state, [replies.Text(question.Help), replies.Question(question, state.Answers)]);

        var reading = flow.Read(question, input.Text);
        if (reading.Code is null && language.Commands.IsUnknown(input.Text))
            reading = new ReplyReading(ReadingOutcome.Understood, UnknownCode, 1, question.UnknownLabel, Source: "unknown");

        // 「東北のほうです」: a reply that names only a group is read as its choices: the group's buttons follow, as if pressed.
        if (reading is { Outcome: ReadingOutcome.Confirm, Alternatives: { } named }
            && question.Groups.FirstOrDefault(g => g.Codes.Order().SequenceEqual(named.Order())) is { } region)
            return Opened(state, flow.Find(region.StepId)!);

        switch (reading.Outcome)
        {
            // 「入れてない。Macやし要らんやろ？」: the answer is recorded and the question after it answered before the next one.
            case ReadingOutcome.Understood when reading.AlsoAsked is { } asked:
                return Advance(state.WithAnswer(new RecordedAnswer(question.Id, reading.Code!, input.Text))
                        .WithLine(new ConversationLine(ConversationRole.User, asked), historyLines),
                    [new AnswerQuestion(asked)], Echo(question, reading, input.Text));
            case ReadingOutcome.Understood:
                return Advance(state.WithAnswer(new RecordedAnswer(question.Id, reading.Code!, input.Text)), [], Echo(question, reading, input.Text));
            case ReadingOutcome.Confirm:
                return AskBack(state, frame, question, new PendingAnswer(reading.Code!, input.Text, reading.Alternatives), input.Text, reading.Note);
            case ReadingOutcome.Question:
                return Interrupt(state, question, input);
        }

        switch (command)
        {
            case CommandKind.Ask:
                return new TurnOutcome(state, [replies.Text(W.AskPromptInDiagnosis)]);
            case CommandKind.StartDiagnosis or CommandKind.Resume:
                return new TurnOutcome(state, [replies.Text(W.AlreadyInDiagnosis), replies.Question(question, state.Answers)]);
        }

        // A model may place what the rules could not; the engine asks it after the save and comes back to ApplyGuess.
        if (interpretReplies && command is null && question.Codes.Count > 0)
            return new TurnOutcome(state, [new InterpretReply(ToPlace(question, input.Text))]);

        return Missed(state, frame, question, input.Text);
    }

    /// <summary>
    /// The interpreter's guess for an unreadable reply (null: none, it failed or timed out): a choice of the question is
    /// asked back like a guess of the reading, recorded only on yes; anything else is a miss like any unreadable reply.
    /// Nothing changes when the conversation moved on meanwhile (another turn saved first).
    /// </summary>
    public TurnOutcome ApplyGuess(ConversationState state, ReplyToPlace placed, ReplyGuess? guess)
    {
        if (state.Top is not DiagnosisFrame { Pending: null } frame || flow.Find(frame.QuestionId) is not { } question || question.Id != placed.QuestionId)
            return new TurnOutcome(state, []);
        return guess is not null && question.Codes.Contains(guess.Code)
            ? AskBack(state, frame, question, new PendingAnswer(guess.Code, placed.Reply), placed.Reply)
            : Missed(state, frame, question, placed.Reply);
    }

    private TurnOutcome Opened(ConversationState state, FlowQuestion step) =>
        new(state.ReplaceTop(new DiagnosisFrame(step.StepId)), [replies.Question(step, state.Answers)]);

    private FlowQuestion? StepChosen(FlowQuestion question, string text)
    {
        var key = JapaneseFold.Fold(text);
        if (question.BackLabel is { } back && JapaneseFold.Fold(back) == key)
            return flow.Find(question.Id);
        var group = question.Groups.FirstOrDefault(g => g.Names.Any(name => JapaneseFold.Fold(name) == key));
        return group is null ? null : flow.Find(group.StepId);
    }

    private static ReplyToPlace ToPlace(FlowQuestion question, string text) =>
        new(question.Id, question.Text, [.. question.Codes.Select(c => new ChoiceOption(c, question.LabelOf(c)))], text);

    private TurnOutcome Missed(ConversationState state, DiagnosisFrame frame, FlowQuestion question, string text)
    {
        // 「もう診断やめるべ、疲れた」: a request in words the reading does not know, but naming a command, gets that command
        // after the question's buttons and a line saying so, so it is one tap away.
        var named = language.CommandsNamed(state, text).Select(language.Commands.Label).ToArray();
        var hint = named.Length == 0 ? "" : "\n" + DialogWording.Fill(W.RefusedCommandHint, ("commands", string.Join("・", named.Select(l => $"「{l}」"))));

        // After two replies that could not be read, offer to go on with 「わからない」: the owner decides, the bot does not.
        if (frame.Misses + 1 >= MissesBeforeOfferingUnknown)
        {
            var offer = frame with { Misses = frame.Misses + 1, Pending = new PendingAnswer(UnknownCode, text) };
            return new TurnOutcome(state.ReplaceTop(offer),
                [replies.Text(W.ConfirmUnknown + hint, [W.ConfirmYesLabel, .. question.Buttons, .. named])]);
        }

        var missed = frame with { Misses = frame.Misses + 1 };
        var retry = (string.IsNullOrWhiteSpace(question.RetryPrompt) ? W.Reprompt : question.RetryPrompt) + hint;
        var asked = replies.Question(question, state.Answers).Reply;
        asked = asked with { Choices = [.. asked.Choices, .. named.Where(n => asked.Choices.All(c => c.Label != n)).Select(n => new ReplyChoice(n))] };
        return new TurnOutcome(state.ReplaceTop(missed), [replies.Text(retry), new Say(asked)]);
    }

    /// <summary>The owner's answer to 「よろしいですか？」: the code to record, "" for no, null for neither (a new reply).</summary>
    private string? Confirmation(FlowQuestion question, PendingAnswer pending, string text)
    {
        if (language.Commands.IsYes(text))
            return pending.Code;
        if (language.Commands.IsNo(text) || JapaneseFold.Fold(text) == JapaneseFold.Fold(W.ConfirmNoLabel))
            return "";
        var key = JapaneseFold.Fold(text);
        // One of the offered alternatives (「京都府」「大阪府」), or after the 「わからない」 offer, one of the question's buttons.
        foreach (var code in pending.Alternatives ?? [])
        {
            if (JapaneseFold.Fold(question.LabelOf(code)) == key)
                return code;
        }
        return null;
    }

    private TurnOutcome AskBack(ConversationState state, DiagnosisFrame frame, FlowQuestion question, PendingAnswer pending, string reply, string? note = null)
    {
        var asking = state.ReplaceTop(frame with { Pending = pending });
        if (pending.Alternatives is { Count: > 1 } alternatives)
        {
            return new TurnOutcome(asking,
                [replies.Text(DialogWording.Fill(W.ConfirmWhich, ("reply", Shorten(reply))), [.. alternatives.Select(question.LabelOf), W.ConfirmNoLabel])]);
        }
        return new TurnOutcome(asking,
            [replies.Text((note is null ? "" : note + "\n") + DialogWording.Fill(W.ConfirmGuess, ("answer", question.LabelOf(pending.Code))), [W.ConfirmYesLabel, W.ConfirmNoLabel])]);
    }

    private static string Shorten(string reply) => reply.Length <= 30 ? reply : reply[..29] + "…";

    /// <summary>The one line that tells the owner how a typed reply was read; none for a pressed button.</summary>
    private string? Echo(FlowQuestion question, ReplyReading reading, string text)
    {
        var label = question.LabelOf(reading.Code!);
        if (JapaneseFold.Fold(text) == JapaneseFold.Fold(label) || JapaneseFold.Fold(text) == JapaneseFold.Fold(reading.Code!))
            return null;
        return DialogWording.Fill(W.Echo, ("topic", question.Topic), ("answer", label));
    }

    private TurnOutcome Interrupt(ConversationState state, FlowQuestion question, UserInput input) =>
        new(state.WithLine(new ConversationLine(ConversationRole.User, input.Text), historyLines),
        [
            new AnswerQuestion(input.Text),
            replies.Text(W.ResumeAfterAnswer),
            replies.Question(question, state.Answers),
        ]);

    /// <summary>Enters (or re-enters) the diagnosis at the first question not answered yet.</summary>
    public TurnOutcome Begin(ConversationState state, IReadOnlyList<Outgoing> lead) => Advance(state, lead);

    /// <summary>「ヘルプ」 during the diagnosis: how the bot works, why this question is asked, and the question again.</summary>
    public TurnOutcome Help(ConversationState state, DiagnosisFrame frame)
    {
        if (flow.Find(frame.QuestionId) is not { } question)
            return Begin(state, [replies.Text(W.Help)]);
        IEnumerable<Outgoing> about = string.IsNullOrWhiteSpace(question.Help) ? [] : [replies.Text(question.Help)];
        return new TurnOutcome(state, [replies.Text(W.Help), .. about, replies.Question(question, state.Answers)]);
    }

    private TurnOutcome Advance(ConversationState state, IReadOnlyList<Outgoing> lead, string? echo = null)
    {
        if (flow.Next(state.Answers) is { } next)
        {
            return new TurnOutcome(
                state.ReplaceTop(new DiagnosisFrame(next.StepId)),
                [.. lead, replies.Question(next, state.Answers, echo)]);
        }

        var outcome = flow.Conclude(state.Answers, state.Region);
        var done = state.Pop() with { DiagnosisCompleted = true };
        IEnumerable<Outgoing> echoLine = echo is null ? [] : [replies.Text(echo)];
        // The menu rides on the result itself (くわしく first): one more bubble below it would push the summary off a phone's screen.
        var menu = replies.MenuChoices(done).Select(c => new ReplyChoice(c)).ToArray();
        var result = outcome.Replies.Count == 0
            ? [new Say(BotReply.Plain(flow.Outro) with { Choices = menu })]
            : (List<Outgoing>)[replies.Text(flow.Outro), .. outcome.Replies.Select((r, i) => new Say(i == outcome.Replies.Count - 1 ? r with { Choices = menu } : r))];
        return new TurnOutcome(done, [.. lead, .. echoLine, .. result], Completed: outcome.Summary);
    }
}
