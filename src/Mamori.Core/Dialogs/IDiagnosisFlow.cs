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

    FlowQuestion? Find(string questionId);

    /// <summary>Answered questions and the number of questions that will be asked, for 「【8/24】」.</summary>
    (int Answered, int Total) Progress(IReadOnlyList<RecordedAnswer> answers);

    /// <summary>Reads a button label or free text as an answer to the question (<see cref="ReplyReader"/>).</summary>
    ReplyReading Read(FlowQuestion question, string text);

    /// <param name="regionHint">The channel's region: stands in for the prefecture when the owner did not give one.</param>
    DiagnosisOutcome Conclude(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null);

    /// <summary>True when the text is the label of some question's button: an old button pressed outside the diagnosis.</summary>
    bool IsButtonLabel(string text);
}

/// <param name="Topic">A short name of what is asked (「対策の年間予算」), for the echo of a typed reply.</param>
/// <param name="Buttons">Button labels (may be empty for a free-text question such as the prefecture).</param>
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
}

/// <param name="Replies">The report as shown to the user (text, card, picture).</param>
public sealed record DiagnosisOutcome(IReadOnlyList<BotReply> Replies, DiagnosisSummary Summary);

/// <param name="PrimaryBarrier">Stage code of the earliest blocked stage, or null.</param>
/// <param name="Headline">One Japanese sentence for the returning-user greeting (「いちばんの壁は『経営者の認識』でした」).</param>
public sealed record DiagnosisSummary(string? PrimaryBarrier, int MaturityStep, string Headline);
