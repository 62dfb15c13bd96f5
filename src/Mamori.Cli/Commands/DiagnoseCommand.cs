using System.CommandLine;
using System.Globalization;
using Mamori.Core;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;
using Mamori.Core.Dialogs;
using Mamori.Core.Reports;
using Mamori.Core.Understanding;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori diagnose --answers FILE [--json] [--today YYYY-MM-DD]`: classifies a company from an answers file
/// (<c>{"answers":{"&lt;questionId&gt;":"&lt;code or free text&gt;"}}</c>) with the real knowledge/ folder.
/// JSON: the design.md contract, one object on stdout. Without --json: the Japanese report. Exit 2 on bad input.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create()
    {
        var answers = new Option<string?>("--answers") { Description = "回答ファイル（JSON）: {\"answers\":{\"<質問ID>\":\"<コードまたは自由記述>\"}}" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var today = new Option<string?>("--today") { Description = "基準日 YYYY-MM-DD（省略時は今日）。期限切れの支援策の判定に使う" };
        var command = new Command("diagnose", "回答ファイルから、対策を妨げている壁・成熟度ステップ・おすすめの支援策を判定する") { answers, json, today };
        command.SetAction(parse => Run(parse.GetValue(answers), parse.GetValue(json), parse.GetValue(today), Console.Out, Console.Error, TimeProvider.System));
        return command;
    }

    internal static int Run(string? answersPath, bool json, string? todayText, TextWriter stdout, TextWriter stderr, TimeProvider clock,
        ContentRoot? content = null)
    {
        if (string.IsNullOrWhiteSpace(answersPath))
            return Fail(stderr, "--answers FILE is required. Example: mamori diagnose --answers knowledge/diagnosis/examples/bakery.json --json");
        if (!File.Exists(answersPath))
            return Fail(stderr, $"answers file not found: {answersPath}");

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (todayText is not null && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
            return Fail(stderr, $"--today must be a date YYYY-MM-DD, got '{todayText}'");

        DiagnosisKit kit;
        ReplyReader reader;
        try
        {
            content ??= CliContent.Root;
            kit = DiagnosisKit.Load(content);
            reader = kit.Reader(DialogLanguage.Load(content).Questions);
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidDataException)
        {
            // The bot's own data is broken, not the user's input: exit 1, naming the file and field.
            stderr.WriteLine($"diagnose: {ex.Message}");
            return 1;
        }

        foreach (var warning in kit.Warnings(today))
            stderr.WriteLine($"diagnose: warning: {warning}");

        string text;
        try
        {
            text = File.ReadAllText(answersPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot read {answersPath}: {ex.Message}");
        }
        var (answers, errors) = AnswerFile.Parse(text, kit.Script, reader);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                stderr.WriteLine($"diagnose: {answersPath}: {error}");
            return 2;
        }

        var result = kit.Classify(answers, today);
        if (json)
        {
            stdout.WriteLine(DiagnosisResultJson.Serialize(result));
        }
        else
        {
            // The console has no cards: the summary's text, then what 「くわしく」 shows.
            stdout.WriteLine(kit.Report.SummaryText(result, answers));
            foreach (var detail in kit.Report.Details(result, answers))
            {
                stdout.WriteLine();
                stdout.WriteLine(detail.Text);
            }
        }
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"diagnose: {message}");
        return 2;
    }
}
