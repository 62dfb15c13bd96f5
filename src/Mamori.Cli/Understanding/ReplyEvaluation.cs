using System.Text.Json;
using Mamori.Core.Diagnosis;

namespace Mamori.Cli.Understanding;

/// <summary>
/// One row of knowledge/eval/replies/*.json: a typed reply and the code its writer, a careful human, would pick, or
/// AMBIGUOUS; <paramref name="Second"/> is what a second labeller picked from the words alone, without the writer's label.
/// </summary>
internal sealed record ReplyCase(string Id, string Question, string Reply, string Expected, string? Second = null);

/// <summary>One row of knowledge/eval/requests/*.json: a message outside the diagnosis and the request it is (or "question").</summary>
internal sealed record RequestCase(string Id, string Text, string Expected);

/// <summary>How one reply fared, in the five columns `mamori eval --replies` prints.</summary>
internal enum ReplyVerdict { Right, AskedRightGuess, AskedWrongGuess, WrongWithoutAsking, NotUnderstood }

internal sealed record ReplyResult(ReplyCase Case, MessageReading Reading, ReplyVerdict Verdict, bool Opposite);

/// <summary>The figures of one file: per question and overall, with the misses listed.</summary>
internal sealed record ReplyReport(string File, IReadOnlyList<ReplyResult> Results)
{
    public const string Ambiguous = "AMBIGUOUS";

    public int Count(ReplyVerdict verdict, string? question = null) =>
        Results.Count(r => r.Verdict == verdict && (question is null || r.Case.Question == question));

    public int Total(string? question = null) => Results.Count(r => question is null || r.Case.Question == question);

    /// <summary>Right directly, or asked back with the right guess (the "replies right").</summary>
    public double RightRate(string? question = null) =>
        Total(question) == 0 ? 0 : (double)(Count(ReplyVerdict.Right, question) + Count(ReplyVerdict.AskedRightGuess, question)) / Total(question);

    public double WrongWithoutAskingRate => Total() == 0 ? 0 : (double)Count(ReplyVerdict.WrongWithoutAsking) / Total();

    public int Opposites => Results.Count(r => r.Opposite);

    public (int Asked, int Total) AmbiguousAsked =>
        (Results.Count(r => r.Case.Expected == Ambiguous && r.Verdict != ReplyVerdict.WrongWithoutAsking), Results.Count(r => r.Case.Expected == Ambiguous));

    /// <summary>The rows a second labeller labelled, or null when none was.</summary>
    public SecondLabels? Second => Results.Any(r => r.Case.Second is not null) ? new SecondLabels([.. Results.Where(r => r.Case.Second is not null)]) : null;
}

/// <summary>
/// Where two careful humans read a reply the same, a reading that differs is a mistake beyond doubt, and an ask back is
/// one a careful human would not have needed. The second labeller, scored like the bot against the writer's labels, is
/// the human baseline of the same rows.
/// </summary>
internal sealed record SecondLabels(IReadOnlyList<ReplyResult> Labelled)
{
    public ReplyReport Agreed { get; } = new("agreed", [.. Labelled.Where(r => r.Case.Second == r.Case.Expected)]);

    /// <summary>Rows both labelled with the same code (not AMBIGUOUS), and how many of them the bot asked back.</summary>
    public (int Asked, int Codes) AskedOnAgreedCodes =>
        (Agreed.Results.Count(r => r.Case.Expected != ReplyReport.Ambiguous && r.Verdict is ReplyVerdict.AskedRightGuess or ReplyVerdict.AskedWrongGuess),
         Agreed.Results.Count(r => r.Case.Expected != ReplyReport.Ambiguous));

    /// <summary>The second labeller as a reader: right where it picked the writer's code (or both said AMBIGUOUS), wrong
    /// where it picked another code or a code for the writer's AMBIGUOUS; its own AMBIGUOUS is an ask. Never empty: a
    /// report has second labels only where some row has one.</summary>
    public (double Right, double Wrong) HumanBaseline =>
        ((double)Agreed.Total() / Labelled.Count,
         (double)Labelled.Count(r => r.Case.Second != ReplyReport.Ambiguous && r.Case.Second != r.Case.Expected) / Labelled.Count);
}

/// <param name="Results">Got: the reading; Offered: the commands a refusal would offer as buttons, when read as a question.</param>
internal sealed record RequestReport(string File, IReadOnlyList<(RequestCase Case, string Got, IReadOnlyList<string> Offered)> Results)
{
    public int Right => Results.Count(r => r.Got == r.Case.Expected);

    /// <summary>Requests read as a question, and how many of them a refusal would offer the asked command for.</summary>
    public (int Offered, int Missed) MissedRequests
    {
        get
        {
            var missed = Results.Where(r => r.Got == "question" && r.Case.Expected != "question").ToList();
            return (missed.Count(r => r.Offered.Contains(r.Case.Expected)), missed.Count);
        }
    }

    /// <summary>The cost: questions whose refusal would offer a command they only mention (beyond 診断を始める and a person).</summary>
    public (int Naming, int Questions) QuestionsNamingCommands
    {
        get
        {
            var questions = Results.Where(r => r.Case.Expected == "question" && r.Got == "question").ToList();
            return (questions.Count(r => r.Offered.Except(["start", "person"]).Any()), questions.Count);
        }
    }

    public double RightRate => Results.Count == 0 ? 0 : (double)Right / Results.Count;
}

/// <summary>
/// Runs the reply and request sets through the bot's real reading (<see cref="Understander"/>). A row is right when the
/// reading is the expected code, or when the bot asks back with it as its guess; an AMBIGUOUS row is right when the bot
/// asks back (a confirmation or a re-prompt), wrong when it records something without asking.
/// </summary>
internal static class ReplyEvaluation
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static ReplyReport RunReplies(Understander understander, string file)
    {
        var cases = Load<RepliesFile>(file).Replies ?? throw new FormatException($"{file}: no \"replies\" array.");
        var results = new List<ReplyResult>();
        foreach (var row in cases)
        {
            if (!understander.Script.TryGet(row.Question, out var question))
                throw new FormatException($"{file}: {row.Id}: unknown question id '{row.Question}'.");
            foreach (var label in new[] { row.Expected, row.Second }.OfType<string>().Where(l => l != ReplyReport.Ambiguous && !question.Accepts(l)))
                throw new FormatException($"{file}: {row.Id}: '{label}' is not a code of {row.Question}.");
            var reading = understander.Reply(question, row.Reply);
            var verdict = Judge(row, reading);
            results.Add(new ReplyResult(row, reading, verdict, verdict == ReplyVerdict.WrongWithoutAsking && IsOpposite(question, row.Expected, reading.Code)));
        }
        return new ReplyReport(file, results);
    }

    public static RequestReport RunRequests(Understander understander, string file)
    {
        var cases = Load<RequestsFile>(file).Requests ?? throw new FormatException($"{file}: no \"requests\" array.");
        return new RequestReport(file, cases.Select(c =>
        {
            var reading = understander.Request(c.Text);
            return (c, reading.Command ?? reading.Outcome, reading.Command is null ? understander.OfferedOnRefusal(c.Text) : []);
        }).ToList());
    }

    private static ReplyVerdict Judge(ReplyCase row, MessageReading reading)
    {
        var asked = reading.Outcome is "confirm";
        if (row.Expected == ReplyReport.Ambiguous)
            return reading.Outcome == "understood" ? ReplyVerdict.WrongWithoutAsking : ReplyVerdict.AskedRightGuess;
        return reading.Outcome switch
        {
            "understood" => reading.Code == row.Expected ? ReplyVerdict.Right : ReplyVerdict.WrongWithoutAsking,
            _ when asked => reading.Code == row.Expected || (reading.Alternatives?.Contains(row.Expected) ?? false)
                ? ReplyVerdict.AskedRightGuess
                : ReplyVerdict.AskedWrongGuess,
            _ => ReplyVerdict.NotUnderstood,
        };
    }

    // The worst mistake: a yes read as a no or the other way round (「相談できるところはない」 → ある).
    private static bool IsOpposite(Question question, string expected, string? got) =>
        question.Polarity is { Affirmed: { } yes, Denied: { } no } && got is not null
        && ((expected == yes && got == no) || (expected == no && got == yes));

    private static T Load<T>(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json) ?? throw new FormatException($"{file}: empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{file}: {ex.Message}", ex);
        }
    }

    /// <summary>The .json files a --replies/--requests value names: a file, or every .json file of a folder.</summary>
    public static IReadOnlyList<string> Files(string pattern) =>
        File.Exists(pattern) ? [pattern]
        : Directory.Exists(pattern) ? [.. Directory.EnumerateFiles(pattern, "*.json").Order(StringComparer.Ordinal)]
        : throw new FormatException($"{pattern}: no such file or folder.");

    private sealed record RepliesFile(List<ReplyCase>? Replies);

    private sealed record RequestsFile(List<RequestCase>? Requests);
}
