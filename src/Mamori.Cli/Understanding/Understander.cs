using Mamori.Core;
using Mamori.Core.Conversations;
using Mamori.Core.Diagnosis;
using Mamori.Core.Dialogs;
using Mamori.Core.Understanding;

namespace Mamori.Cli.Understanding;

/// <summary>What `mamori understand` says of one text: the contract of design.md (outcome, code, confidence, echo), and
/// a question asked after the answer (<see cref="ReplyReading.AlsoAsked"/>).</summary>
internal sealed record MessageReading(
    string? Question, string Reply, string Outcome, string? Code, double? Confidence, string? Echo, string? Command, IReadOnlyList<string>? Alternatives, string Source = "",
    string? AlsoAsked = null);

/// <summary>
/// The engine's own reading, loaded from the real knowledge/ and prompts/ folders: a reply to a diagnosis question
/// (<see cref="ReplyReader"/>), or, outside the diagnosis, a request in plain words (<see cref="CommandSet"/>).
/// </summary>
internal sealed class Understander
{
    private readonly DialogLanguage _language;

    private Understander(DiagnosisScript script, ReplyReader reader, DialogLanguage language)
    {
        Script = script;
        Reader = reader;
        _language = language;
    }

    public DiagnosisScript Script { get; }

    public ReplyReader Reader { get; }

    /// <exception cref="FormatException">The data is broken (the message names the file).</exception>
    public static Understander Load(ContentRoot content)
    {
        var kit = DiagnosisKit.Load(content);
        var language = DialogLanguage.Load(content);
        return new Understander(kit.Script, kit.Reader(language.Questions), language);
    }

    public MessageReading Reply(Question question, string reply)
    {
        var reading = Reader.Read(question, reply);
        if (reading.Code is null && _language.Commands.IsUnknown(reply))
            reading = new ReplyReading(ReadingOutcome.Understood, Choice.UnknownCode, 1, question.Unknown.Label);
        string? echo = null;
        if (reading.Outcome == ReadingOutcome.Understood && reading.Code is { } code)
            echo = DialogWording.Fill(_language.Wording.Echo, ("topic", question.Topic), ("answer", question.LabelOf(code)));
        return new MessageReading(question.Id, reply, OutcomeName(reading.Outcome), reading.Code,
            Math.Round(reading.Confidence, 2), echo, null, reading.Alternatives, reading.Source, reading.AlsoAsked);
    }

    /// <summary>A message outside the diagnosis: a request (start, restart, back, help, person, end) or a question.</summary>
    public MessageReading Request(string text) =>
        (_language.Commands.Detect(text) ?? _language.Commands.DetectRequest(text)) is { } kind && CommandName(kind) is { } name
            ? new MessageReading(null, text, "command", null, null, null, name, null)
            : new MessageReading(null, text, "question", null, null, null, null, null);

    /// <summary>
    /// The commands a refusal of this message offers in a fresh conversation, as the engine does: those it names that work
    /// at the menu, then the fresh menu's way forward (診断を始める) and a person.
    /// </summary>
    public IReadOnlyList<string> OfferedOnRefusal(string text) =>
        [.. _language.CommandsNamed(ConversationState.New(), text).Append(CommandKind.StartDiagnosis).Append(CommandKind.Handoff)
            .Select(kind => CommandName(kind)!).Distinct()];

    private static string OutcomeName(ReadingOutcome outcome) => outcome switch
    {
        ReadingOutcome.Understood => "understood",
        ReadingOutcome.Confirm => "confirm",
        ReadingOutcome.Question => "question",
        _ => "notUnderstood",
    };

    /// <summary>The contract's command names; 「質問する」 is not a command but the way to a question.</summary>
    public static string? CommandName(CommandKind kind) => kind switch
    {
        CommandKind.StartDiagnosis or CommandKind.Resume => "start",
        CommandKind.Restart => "restart",
        CommandKind.Back => "back",
        CommandKind.Help => "help",
        CommandKind.Handoff => "person",
        CommandKind.Quit => "end",
        _ => null,
    };
}
