using Mamori.Core.Answering;
using Mamori.Core.Conversations;
using Mamori.Core.Understanding;

namespace Mamori.Core.Dialogs;

/// <summary>
/// Applies one user turn to a conversation state: bad input first, then the commands that work anywhere
/// (最初から, 戻る, ヘルプ, 終了, 担当者と話したい), then the dialog on top of the stack. Pure and synchronous, so the
/// engine can re-apply it to a fresh state when another turn saved first.
/// </summary>
internal sealed class DialogTurn
{
    // Dates are shown to users in Japan; Japan has no daylight saving time, so a fixed offset is exact.
    private static readonly TimeSpan JapanTime = TimeSpan.FromHours(9);

    private readonly IDiagnosisFlow _flow;
    private readonly DialogLanguage _language;
    private readonly DialogReplies _replies;
    private readonly DiagnosisStep _diagnosis;
    private readonly int _historyLines;
    private readonly int _maxInputLength;

    /// <param name="interpretReplies">A reply interpreter is registered (see <see cref="DiagnosisStep"/>).</param>
    public DialogTurn(IDiagnosisFlow flow, DialogLanguage language, int historyLines, int maxInputLength, bool interpretReplies = false)
    {
        _flow = flow;
        _maxInputLength = maxInputLength;
        _language = language;
        _historyLines = historyLines;
        _replies = new DialogReplies(language, flow);
        _diagnosis = new DiagnosisStep(flow, language, _replies, historyLines, interpretReplies);
    }

    private DialogWording W => _language.Wording;

    /// <summary>The first words of a conversation: resume an unfinished diagnosis, welcome a returning user back, or greet.</summary>
    public TurnOutcome Start(ConversationState state, UserState? user)
    {
        if (_replies.CurrentQuestion(state) is { } current)
            return new TurnOutcome(state, [_replies.Text(DialogWording.Fill(W.ResumeGreeting, ("number", _flow.Progress(state.Answers).Answered + 1))), current]);

        if (user?.LastResult is { } last && !DialogReplies.HasUnfinishedDiagnosis(state))
        {
            var text = DialogWording.Fill(W.WelcomeBack, ("date", last.CompletedAt.ToOffset(JapanTime).ToString(W.DateFormat, System.Globalization.CultureInfo.InvariantCulture)), ("headline", last.Headline));
            return new TurnOutcome(state,
                [_replies.Text(text, W.RediagnoseLabel, _language.Commands.Label(CommandKind.Ask), _language.Commands.Label(CommandKind.Help))]);
        }

        return new TurnOutcome(state, [_replies.Text(W.Greeting, _replies.MenuChoices(state))]);
    }

    /// <param name="user">The user's state, loaded only for a greeting (so 「こんにちは」 on LINE, where no start event
    /// comes first, is welcomed back like a conversation that opened with one).</param>
    public TurnOutcome Continue(ConversationState state, UserInput input, UserState? user = null)
    {
        if (input.Problem != InputProblem.None)
            return Declined(state, input.Problem);

        var command = _language.Commands.Detect(input.Text) ?? Request(state, input.Text);
        switch (command)
        {
            case CommandKind.Handoff:
                return new TurnOutcome(state, [_replies.Text(W.Handoff)], Handoff: true);
            case CommandKind.Help:
                return state.Top is DiagnosisFrame helped
                    ? _diagnosis.Help(state, helped)
                    : new TurnOutcome(state, [_replies.Text(W.Help, _replies.MenuChoices(state))]);
            case CommandKind.Restart:
                return _diagnosis.Begin(Fresh(state), [_replies.Text(W.RestartDone)]);
            case CommandKind.Back:
                return Back(state);
            case CommandKind.Quit:
                return state.Top is DiagnosisFrame
                    ? new TurnOutcome(state.Pop(), [_replies.Text(W.QuitDiagnosis, _replies.MenuChoices(state.Pop()))])
                    : new TurnOutcome(state, [_replies.Text(W.QuitMenu)], Ended: true);
        }

        return state.Top is DiagnosisFrame frame
            ? _diagnosis.Continue(state, frame, input, command)
            : Menu(state, input, command, user);
    }

    /// <summary>The reply interpreter's guess for a reply the reading could not place (<see cref="InterpretReply"/>).</summary>
    public TurnOutcome ApplyGuess(ConversationState state, ReplyToPlace placed, ReplyGuess? guess) => _diagnosis.ApplyGuess(state, placed, guess);

    /// <summary>The menu's buttons for this state (start or resume, ask, a person …).</summary>
    public string[] MenuChoices(ConversationState state) => _replies.MenuChoices(state);

    // A request in plain words counts unless it is an answer to the question being asked: 「詳しい人に相談してる」 answers
    // 「相談できる先はありますか」 and is no request for a person.
    private CommandKind? Request(ConversationState state, string text)
    {
        if (_language.Commands.DetectRequest(text) is not { } request)
            return null;
        if (state.Top is DiagnosisFrame frame && _flow.Find(frame.QuestionId) is { } question
            && _flow.Read(question, text).Outcome is ReadingOutcome.Understood or ReadingOutcome.Confirm)
            return null;
        return request;
    }

    public bool IsGreeting(UserInput input) => input.Problem == InputProblem.None && _language.Commands.IsGreeting(input.Text);

    private TurnOutcome Menu(ConversationState state, UserInput input, CommandKind? command, UserState? user)
    {
        switch (command)
        {
            case CommandKind.StartDiagnosis when DialogReplies.HasUnfinishedDiagnosis(state):
            case CommandKind.Resume when DialogReplies.HasUnfinishedDiagnosis(state):
                return _diagnosis.Begin(state, []);
            case CommandKind.StartDiagnosis or CommandKind.Resume:
                return _diagnosis.Begin(Fresh(state), [_replies.Text(_flow.Intro)]);
            case CommandKind.Ask:
                return new TurnOutcome(state, [_replies.Text(W.AskPrompt)]);
            case CommandKind.Details when state.DiagnosisCompleted:
                // Classified again from the kept answers: the same answers always give the same result.
                var details = _flow.Details(state.Answers, state.Region).Select(r => (Outgoing)new Say(r)).ToList();
                return new TurnOutcome(state, [.. details, _replies.Text(W.AfterDetails, _replies.MenuChoices(state))]);
            case CommandKind.Details:
                return new TurnOutcome(state, [_replies.Text(W.NoResultYet, _replies.MenuChoices(state))]);
        }

        if (_language.Commands.IsGreeting(input.Text))
            return Start(state, user);

        // An old answer button pressed (or its label typed) after the diagnosis: not a question for the knowledge base.
        if (_flow.IsButtonLabel(input.Text))
            return new TurnOutcome(state, [_replies.Text(W.NotInDiagnosis, _replies.MenuChoices(state))]);

        // In the menu, anything else is a question for the knowledge base.
        var asked = state.WithLine(new ConversationLine(ConversationRole.User, input.Text), _historyLines);
        return new TurnOutcome(asked, [new AnswerQuestion(input.Text)]);
    }

    private TurnOutcome Back(ConversationState state)
    {
        if (state.Top is not DiagnosisFrame)
            return new TurnOutcome(state, [_replies.Text(W.BackInMenu, _replies.MenuChoices(state))]);
        // In a region's prefectures, 「戻る」 goes back to the regions: nothing was answered yet.
        if (state.Top is DiagnosisFrame frame && _flow.Find(frame.QuestionId) is { BackLabel: not null } step)
        {
            var regions = state.ReplaceTop(new DiagnosisFrame(step.Id));
            return new TurnOutcome(regions, [_replies.Text(W.BackDone), .. CurrentOrMenu(regions)]);
        }
        if (state.Answers.Count == 0)
            return new TurnOutcome(state, [_replies.Text(W.BackAtFirst), .. CurrentOrMenu(state)]);

        var previous = state.WithoutLastAnswer();
        return _diagnosis.Begin(previous, [_replies.Text(W.BackDone)]);
    }

    private TurnOutcome Declined(ConversationState state, InputProblem problem)
    {
        var text = problem switch
        {
            InputProblem.Empty => W.EmptyInput,
            InputProblem.TooLong => DialogWording.Fill(W.TooLong, ("max", _maxInputLength)),
            _ => W.NoLetters,
        };
        return new TurnOutcome(state, [_replies.Text(text), .. CurrentOrMenu(state)]);
    }

    private IEnumerable<Outgoing> CurrentOrMenu(ConversationState state) =>
        _replies.CurrentQuestion(state) is { } current
            ? [current]
            : [_replies.Text(W.MenuPrompt, _replies.MenuChoices(state))];

    private static ConversationState Fresh(ConversationState state) =>
        state with { Answers = [], DiagnosisCompleted = false, Stack = [new MenuFrame()] };
}
