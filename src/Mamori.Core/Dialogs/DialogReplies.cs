using Mamori.Core.Conversations;
using Mamori.Core.Understanding;
using Mamori.Core.Messages;

namespace Mamori.Core.Dialogs;

/// <summary>Builds the dialog's own replies from the wording; the question text and choices come from the diagnosis.</summary>
internal sealed class DialogReplies(DialogLanguage language, IDiagnosisFlow flow)
{
    private DialogWording W => language.Wording;

    private CommandSet Commands => language.Commands;

    public Say Text(string text, params string[] choices) =>
        new(new BotReply { Text = text, Choices = choices.Select(c => new ReplyChoice(c)).ToArray() });

    /// <summary>A question with its buttons, 「わからない」 among them from the start, and its number of the most there can be.</summary>
    /// <param name="echo">How the previous typed reply was read (「（予算は「0円」と受け取りました）」), shown first.</param>
    public Say Question(FlowQuestion question, IReadOnlyList<RecordedAnswer> answers, string? echo = null)
    {
        var (answered, remaining) = flow.Progress(answers);
        var values = new (string, object)[] { ("number", answered + 1), ("total", answered + Math.Max(remaining, 1)), ("remaining", remaining) };
        // A region's prefectures follow the regions of the same question at once: its counter was just read.
        var header = question.BackLabel is not null ? "" : DialogWording.Fill(remaining <= 1 ? W.LastQuestionHeader : W.QuestionHeader, values);
        var text = header + question.Text;
        if (echo is not null)
            text = echo + "\n" + text;
        IEnumerable<string> labels = question.Buttons;
        if (!question.Buttons.Any(Commands.IsUnknown))
            labels = labels.Append(question.UnknownLabel);
        return new Say(new BotReply { Text = text, Choices = labels.Select(l => new ReplyChoice(l)).ToArray() });
    }

    /// <summary>The question the diagnosis is waiting for, or null when the state is not in the diagnosis.</summary>
    public Say? CurrentQuestion(ConversationState state) =>
        state.Top is DiagnosisFrame frame && flow.Find(frame.QuestionId) is { } question
            ? Question(question, state.Answers)
            : null;

    public string[] MenuChoices(ConversationState state) => HasUnfinishedDiagnosis(state)
        ? [Commands.Label(CommandKind.Resume), Commands.Label(CommandKind.Restart), Commands.Label(CommandKind.Ask)]
        : state.DiagnosisCompleted
            ? [Commands.Label(CommandKind.Details), W.RediagnoseLabel, Commands.Label(CommandKind.Ask), Commands.Label(CommandKind.Handoff)]
            : [Commands.Label(CommandKind.StartDiagnosis), Commands.Label(CommandKind.Ask), Commands.Label(CommandKind.Help)];

    public static bool HasUnfinishedDiagnosis(ConversationState state) => !state.DiagnosisCompleted && state.Answers.Count > 0;
}
