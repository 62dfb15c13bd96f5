namespace Mamori.Core.Dialogs;

/// <summary>Everything the dialog says in its own voice, from prompts/dialog/wording.yaml. {name} marks a placeholder.</summary>
public sealed class DialogWording
{
    public string Greeting { get; set; } = "";
    public string WelcomeBack { get; set; } = "";
    public string ResumeGreeting { get; set; } = "";
    public string MenuPrompt { get; set; } = "";
    public string Help { get; set; } = "";
    /// <summary>Before each question: {number}, {total} (the most there can be: it never goes up) or {remaining} (this one included).</summary>
    public string QuestionHeader { get; set; } = "";

    /// <summary>Before a question when no other can follow it.</summary>
    public string LastQuestionHeader { get; set; } = "";
    public string Reprompt { get; set; } = "";
    public string Echo { get; set; } = "";
    public string ConfirmGuess { get; set; } = "";
    public string ConfirmWhich { get; set; } = "";
    public string ConfirmUnknown { get; set; } = "";
    public string ConfirmYesLabel { get; set; } = "";
    public string ConfirmNoLabel { get; set; } = "";
    public string ConfirmDeclined { get; set; } = "";
    public string BackDone { get; set; } = "";
    public string BackAtFirst { get; set; } = "";
    public string BackInMenu { get; set; } = "";
    public string RestartDone { get; set; } = "";
    public string QuitDiagnosis { get; set; } = "";
    public string QuitMenu { get; set; } = "";
    public string Handoff { get; set; } = "";
    public string HandoffReason { get; set; } = "";
    public string AskPrompt { get; set; } = "";
    public string AskPromptInDiagnosis { get; set; } = "";
    public string ResumeAfterAnswer { get; set; } = "";
    public string AlreadyInDiagnosis { get; set; } = "";
    public string NotInDiagnosis { get; set; } = "";
    public string AnswererUnavailable { get; set; } = "";

    /// <summary>After a refusal outside the diagnosis of a message that names commands: {commands} (「「終了」」).</summary>
    public string RefusedCommandHint { get; set; } = "";
    public string AnswerFailed { get; set; } = "";
    public string EmptyInput { get; set; } = "";
    public string TooLong { get; set; } = "";
    public string NoLetters { get; set; } = "";
    public string Busy { get; set; } = "";
    public string AfterDetails { get; set; } = "";
    public string NoResultYet { get; set; } = "";
    public string UnknownLabel { get; set; } = "";
    public string RediagnoseLabel { get; set; } = "";
    public string SourcesHeading { get; set; } = "";
    public string ConsoleHandoffNote { get; set; } = "";
    public string ConsoleChoiceHint { get; set; } = "";
    public string ConsoleCardNote { get; set; } = "";
    public string ConsoleImageLabel { get; set; } = "";
    public string InternalError { get; set; } = "";

    /// <summary>A .NET date format for dates shown to the user (「2026年11月29日」).</summary>
    public string DateFormat { get; set; } = "";

    /// <summary>The names of the entries left empty (a missing key in the YAML).</summary>
    internal IEnumerable<string> MissingEntries() =>
        typeof(DialogWording).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && string.IsNullOrWhiteSpace((string?)p.GetValue(this)))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);

    public static string Fill(string template, params (string Name, object Value)[] values)
    {
        var text = template;
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return text;
    }
}
