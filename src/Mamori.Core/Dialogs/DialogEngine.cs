using Mamori.Core.Answering;
using Mamori.Core.Conversations;
using Mamori.Core.Understanding;
using Mamori.Core.Messages;
using Mamori.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mamori.Core.Dialogs;

/// <summary>
/// The conversation engine every channel calls: one user turn in, the bot's replies out. Each turn is
/// load → apply (pure <see cref="DialogTurn"/>) → save only if nobody saved in between, else reload and re-apply;
/// the question answerer is called after the save, outside the retry loop.
/// </summary>
public sealed class DialogEngine
{
    private readonly IConversationStore _store;
    private readonly DialogLanguage _language;
    private readonly DialogTurn _turn;
    private readonly DialogOptions _options;
    private readonly int _maxSaveAttempts;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IQuestionAnswerer? _answerer;
    private readonly IReplyInterpreter? _interpreter;
    private readonly IDiagnosisObserver? _observer;

    /// <param name="answerer">Optional: without one, questions get a polite 「いまはお答えできません」.</param>
    /// <param name="interpreter">Optional (a model is configured): places replies the reading could not; its guess is
    /// always asked back. Without one, an unreadable reply is simply asked again.</param>
    /// <param name="observer">Optional: told of each completed diagnosis (the anonymised statistics).</param>
    public DialogEngine(
        IConversationStore store,
        IDiagnosisFlow flow,
        DialogLanguage language,
        IOptions<DialogOptions> options,
        IOptions<StateStoreOptions> storeOptions,
        ILogger<DialogEngine> logger,
        TimeProvider? time = null,
        IQuestionAnswerer? answerer = null,
        IReplyInterpreter? interpreter = null,
        IDiagnosisObserver? observer = null)
    {
        _store = store;
        _language = language;
        _options = options.Value;
        _maxSaveAttempts = storeOptions.Value.MaxSaveAttempts;
        _turn = new DialogTurn(flow, language, _options.HistoryLines, _options.MaxInputLength, interpreter is not null);
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _answerer = answerer;
        _interpreter = interpreter;
        _observer = observer;
    }

    /// <summary>Whether a real question answerer is wired in (false: questions are politely declined).</summary>
    public bool CanAnswerQuestions => _answerer is not null;

    /// <summary>The greeting when a conversation opens (or re-opens): resumes an unfinished diagnosis, welcomes a returning user back.</summary>
    /// <param name="region">The channel's region (a chamber's prefecture code), if any: see <see cref="IncomingTurn.Region"/>.</param>
    public async Task<TurnResult> StartAsync(ConversationKey conversation, string userId, string channelId, CancellationToken cancellationToken, string? region = null)
    {
        try
        {
            var user = await _store.LoadUserAsync(new UserKey(conversation.TenantId, userId), cancellationToken);
            var outcome = await ApplyAsync(conversation, state => _turn.Start(state.WithRegion(region), user?.State), cancellationToken);
            return outcome is null ? Busy() : await RespondAsync(conversation, userId, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DialogLog.TurnFailed(_logger, ex, conversation.ToString());
            return new TurnResult([BotReply.Plain(_language.Wording.InternalError)]);
        }
    }

    public async Task<TurnResult> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        var input = UserInput.Read(turn.Text, _options.MaxInputLength);
        try
        {
            var user = _turn.IsGreeting(input)
                ? (await _store.LoadUserAsync(new UserKey(turn.Conversation.TenantId, turn.UserId), cancellationToken))?.State
                : null;
            var outcome = await ApplyAsync(turn.Conversation, state => _turn.Continue(state.WithRegion(turn.Region), input, user), cancellationToken);
            return outcome is null ? Busy() : await RespondAsync(turn.Conversation, turn.UserId, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or broken data must not leave the user without an answer (or the host with a 500). A step that throws
            // has saved nothing, so the same message can simply be sent again once the cause is fixed.
            DialogLog.TurnFailed(_logger, ex, turn.Conversation.ToString());
            return new TurnResult([BotReply.Plain(_language.Wording.InternalError)]);
        }
    }

    private async Task<TurnOutcome?> ApplyAsync(ConversationKey key, Func<ConversationState, TurnOutcome> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _maxSaveAttempts; attempt++)
        {
            var stored = await _store.LoadConversationAsync(key, cancellationToken);
            var state = stored?.State ?? ConversationState.New();
            var outcome = apply(state);
            if (stored is not null && ReferenceEquals(outcome.State, state))
                return outcome;   // nothing changed: nothing to save, nothing to lose
            if (await _store.TrySaveConversationAsync(key, outcome.State, stored?.Version ?? 0, cancellationToken))
                return outcome;
            DialogLog.SaveConflict(_logger, key.ToString(), attempt);
            // A short random pause spreads racing turns out, so one of them does not keep losing to the others.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(attempt, 3 * attempt)), _time, cancellationToken);
        }
        DialogLog.SaveGaveUp(_logger, key.ToString(), _maxSaveAttempts);
        return null;
    }

    private async Task<TurnResult> RespondAsync(ConversationKey key, string userId, TurnOutcome outcome, CancellationToken cancellationToken)
    {
        var replies = new List<BotReply>(outcome.Outgoing.Count);
        string[] named = [];
        foreach (var item in outcome.Outgoing)
        {
            if (item is InterpretReply interpret)
            {
                replies.AddRange(await InterpretAsync(key, interpret.Request, cancellationToken));
                continue;
            }
            if (item is AnswerQuestion question)
            {
                var (answer, holdsTheTurn, commands) = await AnswerAsync(key, outcome.State, question.Question, cancellationToken);
                replies.Add(answer);
                named = commands;
                // Topic buttons in the middle of the diagnosis: the re-asked question would cover them (a chat shows the last
                // message's buttons), so the owner picks a topic or 「続きから」 first.
                if (holdsTheTurn)
                    break;
                continue;
            }
            replies.Add(item is Say say ? say.Reply : throw new InvalidOperationException($"Unhandled outgoing item {item.GetType().Name}."));
        }
        // 「もう診断やめるわ、疲れたけん」 in the diagnosis, refused as a question: the question comes back with its buttons,
        // and 終了 after them (a chat shows the last message's buttons only).
        if (named.Length > 0 && replies[^1].Choices is { Count: > 0 } asked)
            replies[^1] = replies[^1] with { Choices = [.. asked, .. named.Where(n => asked.All(c => c.Label != n)).Select(n => new ReplyChoice(n))] };

        if (outcome.Completed is { } summary)
        {
            DialogLog.DiagnosisCompleted(_logger, key.ToString(), summary.PrimaryBarrier ?? "none");
            await RememberResultAsync(new UserKey(key.TenantId, userId), summary, cancellationToken);
            if (_observer is not null)
                await _observer.CompletedAsync(key, userId, summary, cancellationToken);
        }

        HandoffRequest? handoff = null;
        if (outcome.Handoff)
        {
            DialogLog.HandoffRequested(_logger, key.ToString());
            handoff = new HandoffRequest(key, userId, DialogWording.Fill(_language.Wording.HandoffReason, ("answered", outcome.State.Answers.Count)));
        }
        return new TurnResult(replies, handoff, outcome.Ended);
    }

    /// <returns>The answer; whether it offers topics in the middle of the diagnosis (then nothing may follow it); and, for a
    /// refusal in the diagnosis, the commands the message named, for the re-asked question to offer.</returns>
    private async Task<(BotReply Reply, bool HoldsTheTurn, string[] Named)> AnswerAsync(ConversationKey key, ConversationState state, string question, CancellationToken cancellationToken)
    {
        if (_answerer is null)
            return (BotReply.Plain(_language.Wording.AnswererUnavailable), false, []);

        KnowledgeAnswer answer;
        try
        {
            var history = state.History.Count > 0 ? state.History.Take(state.History.Count - 1).ToArray() : [];
            answer = await _answerer.AnswerAsync(new QuestionRequest(question, history, state.EffectiveRegion, key.TenantId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DialogLog.AnswererFailed(_logger, ex, key.ToString());
            return (BotReply.Plain(_language.Wording.AnswerFailed), false, []);
        }

        // Keep the answer in the history too, so a follow-up (「それはいくら？」) has its context. Best effort: losing
        // this line to a racing turn costs a little context, never an answer of the diagnosis.
        await ApplyAsync(key, s => new TurnOutcome(s.WithLine(new ConversationLine(ConversationRole.Bot, answer.Answer), _options.HistoryLines), []), cancellationToken);

        var inDiagnosis = state.Top is DiagnosisFrame;
        var offersTopics = !answer.Grounded && answer.Suggestions.Count > 0 && inDiagnosis;
        // A request in words the reading does not know (「やめるべ、疲れた」) is refused as a question: say which commands it
        // names, and offer them first (in the diagnosis, beside the re-asked question's own buttons).
        string[] mentioned = !answer.Grounded && !offersTopics ? [.. _language.CommandsNamed(state, question).Select(_language.Commands.Label)] : [];
        return (new BotReply
        {
            Text = mentioned.Length == 0 ? answer.Answer
                : answer.Answer + "\n" + DialogWording.Fill(_language.Wording.RefusedCommandHint, ("commands", string.Join("・", mentioned.Select(l => $"「{l}」")))),
            Citations = answer.Citations,
            // A way forward after every message: outside the diagnosis a grounded answer offers the menu; inside it, the
            // diagnosis question that follows carries its own buttons, unless topics are offered (then 「続きから」 is one).
            Choices = offersTopics ? [.. answer.Suggestions.Select(t => new ReplyChoice(t.Label)), new ReplyChoice(_language.Commands.Label(CommandKind.Resume))]
                : !answer.Grounded ? Refused(answer, state, mentioned, inDiagnosis)
                : inDiagnosis ? []
                : _turn.MenuChoices(state).Select(c => new ReplyChoice(c)).ToArray(),
        }, offersTopics, inDiagnosis ? mentioned : []);
    }

    /// <summary>
    /// Asks the interpreter (after the save, outside the retry loop: a slow model must not hold a turn's state), then
    /// applies its guess as a turn of its own. A failure or a timeout is a miss like any unreadable reply, never an error.
    /// </summary>
    private async Task<IEnumerable<BotReply>> InterpretAsync(ConversationKey key, ReplyToPlace placed, CancellationToken cancellationToken)
    {
        ReplyGuess? guess = null;
        try
        {
            guess = await _interpreter!.GuessAsync(placed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DialogLog.InterpreterFailed(_logger, ex, key.ToString(), placed.QuestionId);
        }

        var outcome = await ApplyAsync(key, s => _turn.ApplyGuess(s, placed, guess), cancellationToken);
        return outcome is null ? Busy().Replies : outcome.Outgoing.OfType<Say>().Select(s => s.Reply);
    }

    /// <summary>
    /// Not answered: the likeliest topics when the evidence was middling (pressing one asks about it), then a person.
    /// Outside the diagnosis a request in words the reading does not know (「やめるべ、疲れた」) went here too: the commands it
    /// names come first, and the menu's way forward before the person, so it is one tap from what was asked.
    /// </summary>
    private ReplyChoice[] Refused(KnowledgeAnswer answer, ConversationState state, string[] mentioned, bool inDiagnosis)
    {
        var labels = answer.Suggestions.Select(s => s.Label);
        if (!inDiagnosis)
            labels = mentioned.Concat(labels).Append(_turn.MenuChoices(state)[0]);
        return [.. labels.Append(_language.Commands.Label(CommandKind.Handoff)).Distinct().Select(l => new ReplyChoice(l))];
    }

    private async Task RememberResultAsync(UserKey user, DiagnosisSummary summary, CancellationToken cancellationToken)
    {
        var last = new LastDiagnosis(_time.GetUtcNow(), summary.PrimaryBarrier, summary.MaturityStep, summary.Headline);
        for (var attempt = 1; attempt <= _maxSaveAttempts; attempt++)
        {
            var stored = await _store.LoadUserAsync(user, cancellationToken);
            var state = stored?.State ?? new UserState();
            var next = state with { LastResult = last, DiagnosesCompleted = state.DiagnosesCompleted + 1 };
            if (await _store.TrySaveUserAsync(user, next, stored?.Version ?? 0, cancellationToken))
                return;
        }
        DialogLog.UserSaveGaveUp(_logger, user.ToString(), _maxSaveAttempts);
    }

    private TurnResult Busy() => new([BotReply.Plain(_language.Wording.Busy)]);
}
