using Mamori.Core;
using Mamori.Core.Conversations;
using Mamori.Core.Diagnosis;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mamori.Cli.Commands;

/// <summary>How fast an owner on a phone reads, decides and types (the figures of issue 8).</summary>
/// <param name="SecondsPerAnswer">To read the choices and decide, for every reply (pressed or typed).</param>
/// <param name="ReadCharsPerMinute">Reading the bot's messages (their buttons are read within <paramref name="SecondsPerAnswer"/>).</param>
/// <param name="TypedCharsPerMinute">Typing Japanese with a phone's kana keyboard and conversion.</param>
internal sealed record TimingModel(double SecondsPerAnswer = 5, double ReadCharsPerMinute = 600, double TypedCharsPerMinute = 30);

internal enum AnswerMode
{
    /// <summary>Every reply a button: the region then the prefecture are two presses.</summary>
    Buttons,

    /// <summary>Every reply typed: the example's own words where it has them, else the choice's label.</summary>
    Typed,
}

/// <param name="Questions">Questions answered, the ids in the order asked.</param>
/// <param name="Replies">Answers the owner sent (presses and typed replies; a region and its prefecture are two).</param>
/// <param name="Seconds">From the intro, where the promise of the time is made, to the result appearing.</param>
/// <param name="ResultReadSeconds">Reading the result, not counted in <see cref="Seconds"/>.</param>
/// <param name="Missing">Questions asked that the example has no answer for (answered 「わからない」).</param>
internal sealed record OwnerRun(
    IReadOnlyList<string> Questions, int Replies, int ReadChars, int TypedChars, double Seconds, double ResultReadSeconds,
    IReadOnlyList<SkippedQuestion> Skipped, IReadOnlyList<string> Missing);

/// <summary>
/// One owner doing the whole diagnosis through the real dialog engine (in memory): after pressing 「診断を始める」 they read
/// every message, then press or type each answer of an example company, until the result. Time = reading + deciding +
/// typing; the greeting (read before choosing to start) and the result are not in it.
/// </summary>
internal sealed class OwnerTiming(DiagnosisKit kit, DialogLanguage language, TimingModel model)
{
    private const int MaxTurns = 100;

    private readonly ScriptDiagnosisFlow _flow = new(kit, kit.Reader(language.Questions), TimeProvider.System);

    public async Task<OwnerRun> RunAsync(AnswerSet answers, AnswerMode mode, CancellationToken cancellationToken)
    {
        var store = new InMemoryConversationStore();
        var engine = new DialogEngine(store, _flow, language, Options.Create(new DialogOptions()), Options.Create(new StateStoreOptions()),
            NullLogger<DialogEngine>.Instance);
        var key = new ConversationKey("default", "timing");
        var clock = new Tally(model);
        var missing = new List<string>();

        await engine.StartAsync(key, "owner", "timing", cancellationToken);
        var start = language.Commands.Label(Core.Understanding.CommandKind.StartDiagnosis);
        var turn = await engine.HandleAsync(new IncomingTurn(key, "owner", start, "timing"), cancellationToken);
        for (var i = 0; i < MaxTurns; i++)
        {
            var state = (await store.LoadConversationAsync(key, cancellationToken))!.State;
            if (state.DiagnosisCompleted)
            {
                var set = state.Answers.Aggregate(AnswerSet.Empty, (s, a) => s.With(a.QuestionId, a.Code, a.Raw));
                return new OwnerRun([.. state.Answers.Select(a => a.QuestionId)], clock.Replies, clock.ReadChars, clock.TypedChars,
                    clock.Seconds, clock.ReadingSeconds(turn.Replies), kit.Script.Skipped(set), missing);
            }
            clock.Read(turn.Replies);
            var frame = state.Top as DiagnosisFrame ?? throw new InvalidOperationException("The diagnosis stopped before its result.");
            var step = _flow.Find(frame.QuestionId)!;
            if (answers.Get(step.Id) is not { } meant)
            {
                missing.Add(step.Id);
                meant = new Answer(Choice.UnknownCode, step.UnknownLabel);
            }
            var (reply, typed) = Reply(step, frame.Pending, meant, mode);
            turn = await SendAsync(reply, typed);
        }
        throw new InvalidOperationException($"No result after {MaxTurns} replies: the diagnosis keeps asking.");

        async Task<TurnResult> SendAsync(string text, bool typed)
        {
            clock.Answer(text, typed);
            return await engine.HandleAsync(new IncomingTurn(key, "owner", text, "timing"), cancellationToken);
        }
    }

    /// <summary>What the owner sends, and whether it is typed: a guess asked back is agreed to or corrected with a button.</summary>
    private (string Text, bool Typed) Reply(FlowQuestion step, PendingAnswer? pending, Answer meant, AnswerMode mode)
    {
        var label = step.LabelOf(meant.Code);
        if (pending is not null)
            return (pending.Code == meant.Code ? language.Wording.ConfirmYesLabel : label, false);
        if (mode == AnswerMode.Typed)
            return (meant.Raw != meant.Code ? meant.Raw : label, true);
        // A question with groups: first the group that holds the choice (the region), then the choice itself.
        var group = step.Groups.FirstOrDefault(g => _flow.Find(g.StepId)!.Buttons.Contains(label));
        return (group?.Label ?? label, false);
    }

    /// <summary>Adds up the owner's time as the conversation goes.</summary>
    private sealed class Tally(TimingModel model)
    {
        public int Replies { get; private set; }

        public int ReadChars { get; private set; }

        public int TypedChars { get; private set; }

        public double Seconds { get; private set; }

        public void Read(IEnumerable<BotReply> replies)
        {
            ReadChars += Chars(replies);
            Seconds += ReadingSeconds(replies);
        }

        public double ReadingSeconds(IEnumerable<BotReply> replies) => Chars(replies) * 60 / model.ReadCharsPerMinute;

        public void Answer(string text, bool typed)
        {
            Replies++;
            Seconds += model.SecondsPerAnswer;
            if (!typed)
                return;
            var chars = Count(text);
            TypedChars += chars;
            Seconds += chars * 60 / model.TypedCharsPerMinute;
        }

        // The buttons are read within the seconds per answer; a card is read like text.
        private static int Chars(IEnumerable<BotReply> replies) =>
            replies.Sum(r => Count(r.Text) + (r.Card?.Sections.Sum(s => Count(s.Heading) + s.Items.Sum(i => Count(i.Title) + Count(i.Text))) ?? 0));

        private static int Count(string text) => text.Count(c => !char.IsWhiteSpace(c));
    }
}
