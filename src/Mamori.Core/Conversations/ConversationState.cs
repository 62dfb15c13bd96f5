using System.Text.Json.Serialization;
using Mamori.Core.Answering;

namespace Mamori.Core.Conversations;

/// <summary>
/// Everything the bot remembers about one conversation between turns. Immutable: a turn produces a new state,
/// which is saved only if nobody else saved in between (optimistic concurrency, see <c>IConversationStore</c>).
/// </summary>
public sealed record ConversationState
{
    /// <summary>The dialog stack, bottom first. The menu is always at the bottom; the diagnosis is pushed on top of it.</summary>
    public IReadOnlyList<DialogFrame> Stack { get; init; } = [new MenuFrame()];

    /// <summary>The diagnosis answers in the order given, so that 「戻る」 can undo the last one.</summary>
    public IReadOnlyList<RecordedAnswer> Answers { get; init; } = [];

    /// <summary>The last few lines, oldest first, handed to the question answerer so follow-up questions make sense.</summary>
    public IReadOnlyList<ConversationLine> History { get; init; } = [];

    /// <summary>Set once the diagnosis has been completed in this conversation (the answers are then kept for reference).</summary>
    public bool DiagnosisCompleted { get; init; }

    /// <summary>The channel's region (a chamber's prefecture code), used where the owner's own prefecture is not known.</summary>
    public string? Region { get; init; }

    /// <summary>The prefecture to favour: the owner's answer, else the channel's region.</summary>
    [JsonIgnore]
    public string? EffectiveRegion =>
        Answers.LastOrDefault(a => a.QuestionId == "prefecture") is { Code: not "unknown" } answer ? answer.Code : Region;

    /// <summary>Records the channel's region; the same state when nothing changes, so an idle turn saves nothing.</summary>
    public ConversationState WithRegion(string? region) =>
        string.IsNullOrEmpty(region) || region == Region ? this : this with { Region = region };

    [JsonIgnore]
    public DialogFrame Top => Stack.Count == 0 ? new MenuFrame() : Stack[^1];

    public static ConversationState New() => new();

    public ConversationState Push(DialogFrame frame) => this with { Stack = [.. Stack, frame] };

    /// <summary>Pops the top frame; the menu at the bottom is never popped.</summary>
    public ConversationState Pop() => Stack.Count <= 1 ? this with { Stack = [new MenuFrame()] } : this with { Stack = Stack.Take(Stack.Count - 1).ToArray() };

    /// <summary>Replaces the top frame (e.g. the diagnosis moves to its next question), or pushes it onto a bare menu.</summary>
    public ConversationState ReplaceTop(DialogFrame frame) => Top is MenuFrame ? Push(frame) : Pop().Push(frame);

    public ConversationState WithAnswer(RecordedAnswer answer) =>
        this with { Answers = [.. Answers.Where(a => a.QuestionId != answer.QuestionId), answer] };

    public ConversationState WithoutLastAnswer() =>
        Answers.Count == 0 ? this : this with { Answers = Answers.Take(Answers.Count - 1).ToArray() };

    /// <summary>Appends a line, keeping the last <paramref name="keep"/>; long lines (a whole answer) are cut, which is
    /// enough context for a follow-up question and keeps the state that every turn reads and writes small.</summary>
    public ConversationState WithLine(ConversationLine line, int keep)
    {
        if (keep <= 0)
            return this;
        var kept = line.Text.Length <= MaxLineLength ? line : line with { Text = line.Text[..MaxLineLength] };
        return this with { History = [.. History.Skip(Math.Max(0, History.Count + 1 - keep)), kept] };
    }

    public const int MaxLineLength = 400;
}

/// <param name="QuestionId">An id of docs/diagnosis.md.</param>
/// <param name="Code">A choice code of that question, or <c>unknown</c> (「わからない」).</param>
/// <param name="Raw">What the user typed or pressed (the report may quote it); empty when the bot recorded 「わからない」 itself.</param>
public sealed record RecordedAnswer(string QuestionId, string Code, string Raw);
