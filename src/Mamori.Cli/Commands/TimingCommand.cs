using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mamori.Core;
using Mamori.Core.Diagnosis;
using Mamori.Core.Dialogs;
using Mamori.Core.Understanding;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori timing [--examples DIR] [--json]`: how long the diagnosis takes an owner on a phone, measured by running each
/// example company (knowledge/diagnosis/examples) through the real dialog engine twice, by buttons and typed
/// (<see cref="OwnerTiming"/>). Reports the questions asked and left out, and the minutes, against the targets: at most
/// 20 questions and 3 minutes by buttons for a small company (up to 20 people).
/// </summary>
internal static class TimingCommand
{
    public const int MaxQuestions = 20;
    public static readonly TimeSpan MaxButtonsTime = TimeSpan.FromMinutes(3);

    /// <summary>The employee bands of a small company, the one the targets are for.</summary>
    private static readonly string[] SmallCompany = ["1-5", "6-20"];

    public static Command Create()
    {
        var examples = new Option<string?>("--examples") { Description = "会社の例（回答ファイル）のフォルダ（既定: knowledge/diagnosis/examples）" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var command = new Command("timing", "会社の例ごとに、診断にかかる質問数と時間（ボタン・文字入力）を実際の対話で計測する") { examples, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(examples), parse.GetValue(json), Console.Out, Console.Error, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string? examplesFolder, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        ContentRoot? content = null)
    {
        IReadOnlyList<CompanyTiming> companies;
        try
        {
            content ??= CliContent.Root;
            var folder = examplesFolder ?? Path.Combine(content.Diagnosis, "examples");
            if (!Directory.Exists(folder))
            {
                stderr.WriteLine($"timing: examples folder not found: {folder}");
                return 2;
            }
            companies = await MeasureAsync(content, folder, cancellationToken);
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidDataException)
        {
            stderr.WriteLine($"timing: {ex.Message}");
            return 1;
        }

        if (json)
            stdout.WriteLine(JsonSerializer.Serialize(new { model = new TimingModel(), targets = new { maxQuestions = MaxQuestions, maxButtonsSeconds = MaxButtonsTime.TotalSeconds }, companies }, IngestCommand.Json));
        else
            Print(companies, stdout);
        return 0;
    }

    /// <summary>Every example, by buttons and typed. An example whose answers cannot be read is a broken example: it throws.</summary>
    internal static async Task<IReadOnlyList<CompanyTiming>> MeasureAsync(ContentRoot content, string folder, CancellationToken cancellationToken)
    {
        var kit = DiagnosisKit.Load(content);
        var language = DialogLanguage.Load(content);
        var reader = kit.Reader(language.Questions);
        var timing = new OwnerTiming(kit, language, new TimingModel());
        var companies = new List<CompanyTiming>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            var (answers, errors) = AnswerFile.Parse(text, kit.Script, reader);
            if (errors.Count > 0)
                throw new InvalidDataException($"{file}: {string.Join("; ", errors)}");
            var buttons = await timing.RunAsync(answers, AnswerMode.Buttons, cancellationToken);
            var typed = await timing.RunAsync(answers, AnswerMode.Typed, cancellationToken);
            var employees = answers.CodeOf("employees") ?? Choice.UnknownCode;
            companies.Add(new CompanyTiming(Path.GetFileName(file), employees, SmallCompany.Contains(employees), buttons, typed));
        }
        return companies;
    }

    private static void Print(IReadOnlyList<CompanyTiming> companies, TextWriter o)
    {
        var m = new TimingModel();
        o.WriteLine(Invariant($"The owner's time for the diagnosis, through the real dialog engine: {m.SecondsPerAnswer:0} s to decide each reply, reading {m.ReadCharsPerMinute:0} characters a minute, typing {m.TypedCharsPerMinute:0} a minute on a phone."));
        o.WriteLine(Invariant($"{"company",-26} {"staff",-7} {"questions",9} {"buttons",9} {"presses",7} {"typed",9} {"typed chars",11}  left out"));
        foreach (var c in companies)
        {
            o.WriteLine(Invariant($"{c.File,-26} {c.Employees,-7} {c.Buttons.Questions.Count,9} {Minutes(c.Buttons.Seconds),9} {c.Buttons.Replies,7} {Minutes(c.Typed.Seconds),9} {c.Typed.TypedChars,11}  {string.Join(" ", c.Buttons.Skipped.Select(s => s.QuestionId))}"));
            foreach (var id in c.Buttons.Missing)
                o.WriteLine($"  {c.File}: no answer for '{id}' (answered わからない)");
        }
        var small = companies.Where(c => c.SmallCompany).ToList();
        if (small.Count == 0)
            return;
        var questions = small.Max(c => c.Buttons.Questions.Count);
        var buttons = TimeSpan.FromSeconds(small.Max(c => c.Buttons.Seconds));
        o.WriteLine();
        o.WriteLine(Invariant($"Small companies (up to 20 people, {small.Count}): at most {questions} questions (target {MaxQuestions}: {Met(questions <= MaxQuestions)}), ") +
                    $"by buttons at most {Minutes(buttons.TotalSeconds)} (target {Minutes(MaxButtonsTime.TotalSeconds)}: {Met(buttons <= MaxButtonsTime)}), " +
                    $"typed {Minutes(small.Min(c => c.Typed.Seconds))}–{Minutes(small.Max(c => c.Typed.Seconds))}.");
        o.WriteLine("Reading the result is not included: " + string.Join(", ", small.Select(c => $"{c.File} {Minutes(c.Buttons.ResultReadSeconds)}")) + ".");
    }

    private static string Met(bool met) => met ? "met" : "MISSED";

    private static string Minutes(double seconds) => Invariant($"{(int)seconds / 60}:{(int)seconds % 60:00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <param name="SmallCompany">Up to 20 people: the company the targets are for.</param>
internal sealed record CompanyTiming(string File, string Employees, bool SmallCompany, OwnerRun Buttons, OwnerRun Typed);
