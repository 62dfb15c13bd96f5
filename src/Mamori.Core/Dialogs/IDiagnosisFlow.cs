using Mamori.Core.Conversations;
using Mamori.Core.Messages;
using Mamori.Core.Understanding;

namespace Mamori.Core.Dialogs;

/// <summary>
/// What the dialog engine needs from the diagnosis: which question comes next, how a reply maps to a choice, and the
/// result at the end. The seam between the generic engine and the diagnosis data, parser, classifier and report
/// (see <see cref="ScriptDiagnosisFlow"/>). Every member is pure and synchronous: dialog steps call it directly.
/// </summary>
public interface IDiagnosisFlow
{
    /// <summary>Said once before the first question.</summary>
    string Intro { get; }

    /// <summary>Said after the last answer, before the report.</summary>
    string Outro { get; }

    /// <summary>The first question not answered yet, in the script's order and skip rules; null when the diagnosis is complete.</summary>
    FlowQuestion? Next(IReadOnlyList<RecordedAnswer> answers);

    /// <summary>The question, or the step of one, that a diagnosis frame waits on (<see cref="FlowQuestion.StepId"/>).</summary>
    FlowQuestion? Find(string stepId);

    /// <summary>How far along the owner is: for 「【8/20】」 (a total that never goes up) and 「8問目から再開します」.</summary>
    DiagnosisProgress Progress(IReadOnlyList<RecordedAnswer> answers);

    /// <summary>Reads a button label or free text as an answer to the question (<see cref="ReplyReader"/>).</summary>
    ReplyReading Read(FlowQuestion question, string text);

    /// <param name="regionHint">The channel's region: stands in for the prefecture when the owner did not give one.</param>
    DiagnosisOutcome Conclude(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null);

    /// <summary>What 「くわしく」 shows after the result: the same classification, with the reasons and every measure.</summary>
    IReadOnlyList<BotReply> Details(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null);

    /// <summary>True when the text is the label of some question's button: an old button pressed outside the diagnosis.</summary>
    bool IsButtonLabel(string text);
}

/// <param name="Topic">A short name of what is asked (「対策の年間予算」), for the echo of a typed reply.</param>
/// <param name="Buttons">Button labels: the choices, or the groups that hold them (the regions for the prefecture).</param>
/// <param name="UnknownLabel">The 「わからない」 button, shown with every question.</param>
/// <param name="RetryPrompt">Said when a reply could not be read, before the question is asked again.</param>
/// <param name="Help">Why we ask and how to answer, shown with 「ヘルプ」; may be empty.</param>
public sealed record FlowQuestion(
    string Id, string Text, IReadOnlyList<string> Buttons, string UnknownLabel, string RetryPrompt, string Help = "", string Topic = "")
{
    /// <summary>The label of a choice code (the code itself when it has none), for echoes and confirmations.</summary>
    public Func<string, string> LabelOf { get; init; } = code => code;

    /// <summary>Every choice code the question accepts, "unknown" included; empty when the flow does not list them
    /// (then no reply interpreter is asked).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>What a diagnosis frame stores while this is shown: the question id, or for one group of its choices the
    /// question id and the group (「prefecture/kinki」). Answers are always recorded under <see cref="Id"/>.</summary>
    public string StepId { get; init; } = Id;

    /// <summary>Buttons among <see cref="Buttons"/> that open a group of the choices instead of answering; empty for most questions.</summary>
    public IReadOnlyList<FlowGroup> Groups { get; init; } = [];

    /// <summary>In a group's step: the button, among <see cref="Buttons"/>, that goes back to the groups; null otherwise.</summary>
    public string? BackLabel { get; init; }
}

/// <param name="Names">The label and the other names that open the group when the reply is just that (「関西」).</param>
/// <param name="StepId">The step that shows the group's choices.</param>
/// <param name="Codes">The group's choices: a reply naming the group in a sentence (「東北のほうです」) is read as these.</param>
public sealed record FlowGroup(string Label, IReadOnlyList<string> Names, string StepId, IReadOnlyList<string> Codes);

/// <param name="Answered">Questions answered so far.</param>
/// <param name="Remaining">Questions that may still be asked, the current one included: it only goes down as the owner
/// answers (those that depend on answers to come are counted), so the counter never jumps back.</param>
public sealed record DiagnosisProgress(int Answered, int Remaining);

/// <param name="Replies">The report as shown to the user (text, card, picture).</param>
public sealed record DiagnosisOutcome(IReadOnlyList<BotReply> Replies, DiagnosisSummary Summary);

/// <param name="PrimaryBarrier">Stage code of the earliest blocked stage, or null.</param>
/// <param name="Headline">One Japanese sentence for the returning-user greeting (「いちばんの壁は『経営者の認識』でした」).</param>
public sealed record DiagnosisSummary(string? PrimaryBarrier, int MaturityStep, string Headline)
{
    /// <summary>The anonymised facts for the statistics (<see cref="IDiagnosisObserver"/>); null from flows that have none.</summary>
    public Evidence.DiagnosisFacts? Facts { get; init; }
}
