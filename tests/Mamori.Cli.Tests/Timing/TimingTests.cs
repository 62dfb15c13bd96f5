using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Cli.Commands;
using Mamori.Core;
using Mamori.Core.Diagnosis;
using Mamori.Core.Dialogs;

namespace Mamori.Cli.Tests.Timing;

/// <summary>
/// Five minutes, measured: every example company in knowledge/diagnosis/examples through the real dialog engine, by
/// buttons and typed (`mamori timing`). A small company is done in at most 20 questions and 3 minutes by buttons, and the
/// greeting and the intro promise what was measured.
/// </summary>
public sealed partial class TimingTests
{
    private static readonly ContentRoot Knowledge = ContentRoot.Locate(startDirectory: AppContext.BaseDirectory);
    private static readonly string Examples = Path.Combine(Knowledge.Diagnosis, "examples");
    private static readonly Lazy<IReadOnlyList<CompanyTiming>> Measured =
        new(() => TimingCommand.MeasureAsync(Knowledge, Examples, CancellationToken.None).GetAwaiter().GetResult());

    [GeneratedRegex(@"(\d+)問ほど")]
    private static partial Regex PromisedQuestions();

    [GeneratedRegex(@"ボタン[^0-9]{0,6}(\d+)分ほど")]
    private static partial Regex PromisedMinutes();

    [GeneratedRegex(@"多くて(\d+)問")]
    private static partial Regex PromisedMost();

    private static IReadOnlyList<CompanyTiming> Small => [.. Measured.Value.Where(c => c.SmallCompany)];

    [Fact]
    public void A_small_company_answers_at_most_20_questions_in_at_most_3_minutes_by_buttons()
    {
        Assert.True(Small.Count >= 3, $"only {Small.Count} small companies among the examples");
        foreach (var c in Small)
        {
            Assert.True(c.Buttons.Questions.Count <= TimingCommand.MaxQuestions, $"{c.File}: {c.Buttons.Questions.Count} questions: {string.Join(" ", c.Buttons.Questions)}");
            Assert.True(c.Buttons.Seconds <= TimingCommand.MaxButtonsTime.TotalSeconds, $"{c.File}: {c.Buttons.Seconds:0} s by buttons");
            Assert.Empty(c.Buttons.Missing);
        }
    }

    [Fact]
    public void Buttons_and_typing_ask_the_same_questions_and_typing_on_a_phone_takes_longer()
    {
        foreach (var c in Measured.Value)
        {
            Assert.Equal(c.Buttons.Questions, c.Typed.Questions);
            Assert.True(c.Typed.Seconds > c.Buttons.Seconds + c.Typed.TypedChars, $"{c.File}: typed {c.Typed.Seconds:0} s for {c.Typed.TypedChars} characters");
            // The region and then its prefecture are two presses; typed, the town is one reply.
            Assert.Equal(c.Buttons.Questions.Count + 1, c.Buttons.Replies);
            Assert.Equal(c.Typed.Questions.Count, c.Typed.Replies);
        }
    }

    [Fact]
    public void The_questions_left_out_are_those_the_answers_made_pointless_each_with_its_reason()
    {
        var script = DiagnosisScriptLoader.Load(Knowledge);
        foreach (var c in Measured.Value)
        {
            Assert.Equal(script.Questions.Count, c.Buttons.Questions.Count + c.Buttons.Skipped.Count);
            Assert.Empty(c.Buttons.Questions.Intersect(c.Buttons.Skipped.Select(s => s.QuestionId)));
            Assert.All(c.Buttons.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        }
    }

    [Fact]
    public void The_greeting_and_the_intro_promise_what_was_measured()
    {
        var intro = DiagnosisScriptLoader.Load(Knowledge).Intro;
        var greeting = DialogLanguage.Load(Knowledge).Wording.Greeting;
        var questions = Small.Max(c => c.Buttons.Questions.Count);
        var seconds = Small.Max(c => c.Buttons.Seconds);
        foreach (var (name, text) in new[] { ("intro", intro), ("greeting", greeting) })
        {
            var promisedQuestions = int.Parse(PromisedQuestions().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var promisedMinutes = int.Parse(PromisedMinutes().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(questions, promisedQuestions - 2, promisedQuestions);
            // 「3分ほど」 is true of 2 to 3 minutes: neither less than measured nor a generous round-up.
            Assert.True(seconds <= promisedMinutes * 60 && seconds > (promisedMinutes - 1) * 60, $"{name} promises {promisedMinutes} minutes, measured {seconds:0} s");
        }
        // The intro's 「多くて26問」 is the counter's first total: every question may still come.
        Assert.Equal(DiagnosisScriptLoader.Load(Knowledge).Questions.Count,
            int.Parse(PromisedMost().Match(intro).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_command_prints_each_example_and_whether_the_targets_are_met()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await TimingCommand.RunAsync(null, json: false, stdout, stderr, CancellationToken.None, Knowledge);

        Assert.Equal(0, exit);
        var text = stdout.ToString();
        foreach (var file in Directory.GetFiles(Examples, "*.json"))
            Assert.Contains(Path.GetFileName(file), text);
        Assert.Contains("target 20: met", text);
        Assert.Contains("target 3:00: met", text);
    }

    [Fact]
    public async Task The_json_has_a_company_per_example_with_its_questions_and_seconds()
    {
        var stdout = new StringWriter();
        var exit = await TimingCommand.RunAsync(null, json: true, stdout, new StringWriter(), CancellationToken.None, Knowledge);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout.ToString());
        var companies = json.RootElement.GetProperty("companies");
        Assert.Equal(Directory.GetFiles(Examples, "*.json").Length, companies.GetArrayLength());
        var first = companies[0];
        Assert.True(first.GetProperty("buttons").GetProperty("seconds").GetDouble() > 60);
        Assert.True(first.GetProperty("buttons").GetProperty("questions").GetArrayLength() > 10);
        Assert.Equal(5, json.RootElement.GetProperty("model").GetProperty("secondsPerAnswer").GetDouble());
    }

    [Fact]
    public async Task A_missing_examples_folder_is_bad_input()
    {
        var stderr = new StringWriter();
        var exit = await TimingCommand.RunAsync("/no/such/folder", json: false, new StringWriter(), stderr, CancellationToken.None, Knowledge);

        Assert.Equal(2, exit);
        Assert.Contains("/no/such/folder", stderr.ToString());
    }
}
