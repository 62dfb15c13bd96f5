using Mamori.Core.Conversations;
using Mamori.Core.Understanding;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Dialogs;

/// <summary>The dialog's Japanese, loaded once from prompts/dialog/: its wording, its commands and its question cues.</summary>
public sealed class DialogLanguage(DialogWording wording, CommandSet commands, QuestionDetector questions)
{
    public DialogWording Wording { get; } = wording;

    public CommandSet Commands { get; } = commands;

    public QuestionDetector Questions { get; } = questions;

    /// <summary>
    /// The commands a message names (<see cref="CommandSet.Mentioned"/>) that work where the conversation is — at the menu
    /// in this state, or in the diagnosis — at most two: what a refusal offers first, so a request in words the reading
    /// does not know is one tap away.
    /// </summary>
    public IReadOnlyList<CommandKind> CommandsNamed(ConversationState state, string message) =>
        [.. Commands.Mentioned(message).Where(kind => state.Top is DiagnosisFrame ? WorksInDiagnosis(kind) : WorksAtMenu(state, kind)).Take(2)];

    // 診断を始める・続きから・くわしく mean nothing while a question waits for its answer.
    private static bool WorksInDiagnosis(CommandKind kind) =>
        kind is CommandKind.Restart or CommandKind.Back or CommandKind.Help or CommandKind.Quit or CommandKind.Handoff;

    private static bool WorksAtMenu(ConversationState state, CommandKind kind) => kind switch
    {
        CommandKind.Restart or CommandKind.Help or CommandKind.Quit or CommandKind.StartDiagnosis => true,
        CommandKind.Resume => DialogReplies.HasUnfinishedDiagnosis(state),
        CommandKind.Details => state.DiagnosisCompleted,
        _ => false,   // 戻る has nothing to go back to there; the person is offered anyway
    };

    public static DialogLanguage Load(string folder)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

        var wording = Read<DialogWording>(deserializer, Path.Combine(folder, "wording.yaml"));
        var missing = wording.MissingEntries().ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"{Path.Combine(folder, "wording.yaml")}: missing or empty entries: {string.Join(", ", missing)}.");

        var commandsPath = Path.Combine(folder, "commands.yaml");
        var commandsFile = Read<CommandsFile>(deserializer, commandsPath);
        var forms = new FormClasses(commandsFile.FormClasses, commandsPath);
        var commands = new CommandSet(
            new Dictionary<CommandKind, CommandWords>
            {
                [CommandKind.Restart] = commandsFile.Restart.ToWords(forms),
                [CommandKind.Back] = commandsFile.Back.ToWords(forms),
                [CommandKind.Help] = commandsFile.Help.ToWords(forms),
                [CommandKind.Quit] = commandsFile.Quit.ToWords(forms),
                [CommandKind.Handoff] = commandsFile.Handoff.ToWords(forms),
                [CommandKind.StartDiagnosis] = commandsFile.StartDiagnosis.ToWords(forms),
                [CommandKind.Resume] = commandsFile.Resume.ToWords(forms),
                [CommandKind.Ask] = commandsFile.Ask.ToWords(forms),
                [CommandKind.Details] = commandsFile.Details.ToWords(forms),
            },
            commandsFile.Unknown,
            commandsFile.Greetings,
            commandsFile.PoliteEndings,
            commandsFile.ConfirmYes,
            commandsFile.ConfirmNo,
            commandsFile.QuestionWords,
            new RequestGrammar(commandsFile.Canonical, commandsFile.QuestionEndings, forms.Expand(commandsFile.AskingRequests), commandsFile.Closings));

        var cues = Read<QuestionCuesFile>(deserializer, Path.Combine(folder, "question-cues.yaml"));
        return new DialogLanguage(wording, commands, new QuestionDetector(
            cues.Contains, cues.Endings, cues.ClearContains, cues.ClearEndings, cues.QuestionFirstMinLength, cues.AboutTheQuestion, cues.HedgedAnswers, cues.NotCues));
    }

    /// <summary>The content root's own prompts/dialog/ (the CLI's one-shot commands and the tests).</summary>
    public static DialogLanguage Load(ContentRoot content) => Load(content.DialogPrompts);

    private static T Read<T>(IDeserializer deserializer, string path)
    {
        try
        {
            return deserializer.Deserialize<T>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    private sealed class CommandsFile
    {
        public CommandEntry Restart { get; set; } = new();
        public CommandEntry Back { get; set; } = new();
        public CommandEntry Help { get; set; } = new();
        public CommandEntry Quit { get; set; } = new();
        public CommandEntry Handoff { get; set; } = new();
        public CommandEntry StartDiagnosis { get; set; } = new();
        public CommandEntry Resume { get; set; } = new();
        public CommandEntry Ask { get; set; } = new();
        public CommandEntry Details { get; set; } = new();
        public List<string> Unknown { get; set; } = [];
        public List<string> Greetings { get; set; } = [];
        public List<string> PoliteEndings { get; set; } = [];
        public List<string> ConfirmYes { get; set; } = [];
        public List<string> ConfirmNo { get; set; } = [];
        public List<string> QuestionWords { get; set; } = [];
        public Dictionary<string, List<string>> FormClasses { get; set; } = [];
        public Dictionary<string, string> Canonical { get; set; } = [];
        public List<string> QuestionEndings { get; set; } = [];
        public List<string> AskingRequests { get; set; } = [];
        public List<string> Closings { get; set; } = [];
    }

    /// <summary>Request endings shared by every command: a form written 「@request」 stands for the whole class.</summary>
    private sealed class FormClasses(Dictionary<string, List<string>> classes, string path)
    {
        public List<string> Expand(IEnumerable<string> forms) =>
            forms.SelectMany(f => !f.StartsWith('@') ? [f]
                : classes.TryGetValue(f[1..], out var members) ? members
                : throw new InvalidDataException($"{path}: form class '{f}' is not defined in formClasses.")).ToList();
    }

    private sealed class CommandEntry
    {
        public string Label { get; set; } = "";
        public List<string> Phrases { get; set; } = [];
        public List<string> Alone { get; set; } = [];
        public List<string> Contains { get; set; } = [];
        public List<RequestEntry> Requests { get; set; } = [];

        public CommandWords ToWords(FormClasses forms) =>
            string.IsNullOrWhiteSpace(Label) ? throw new InvalidDataException("prompts/dialog/commands.yaml: every command needs a label.")
            : new CommandWords(Label, Phrases, Contains, Requests.Select(r => new CommandRequest(r.Topics, forms.Expand(r.Forms))).ToList(), Alone);
    }

    private sealed class RequestEntry
    {
        public List<string> Topics { get; set; } = [];
        public List<string> Forms { get; set; } = [];
    }

    private sealed class QuestionCuesFile
    {
        public List<string> Contains { get; set; } = [];
        public List<string> Endings { get; set; } = [];
        public int QuestionFirstMinLength { get; set; } = 10;
        public List<string> ClearContains { get; set; } = [];
        public List<string> ClearEndings { get; set; } = [];
        public List<string> AboutTheQuestion { get; set; } = [];
        public List<string> HedgedAnswers { get; set; } = [];
        public List<string> NotCues { get; set; } = [];
    }
}
