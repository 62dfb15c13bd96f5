using System.Globalization;

namespace Mamori.Cli.Understanding;

/// <summary>The text and JSON of `mamori eval --replies` and `--requests`: per question, the five columns, then the misses.</summary>
internal static class ReplyEvaluationOutput
{
    private const int MissesShown = 40;

    public static void WriteText(TextWriter output, IEnumerable<ReplyReport> replies, IEnumerable<RequestReport> requests)
    {
        foreach (var report in replies)
        {
            output.WriteLine($"== replies: {report.File} ({report.Total()} replies)");
            output.WriteLine($"{"question",-16} {"n",4} {"right",6} {"asked✓",7} {"asked✗",7} {"wrong",6} {"notUnd",7} {"right%",7}");
            foreach (var question in report.Results.Select(r => r.Case.Question).Distinct())
                WriteRow(output, report, question, question);
            WriteRow(output, report, "all", null);
            var (asked, ambiguous) = report.AmbiguousAsked;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"right (directly or asked back with the right guess) {report.RightRate():P1}; wrong without asking {report.WrongWithoutAskingRate:P1}; opposite meaning {report.Opposites}; AMBIGUOUS asked back {asked}/{ambiguous}"));
            if (report.Second is { } second)
            {
                var agreed = second.Agreed;
                var (askedOnCodes, codes) = second.AskedOnAgreedCodes;
                var (humanRight, humanWrong) = second.HumanBaseline;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"second labeller: {second.Labelled.Count} labelled, {agreed.Total()} the same as the writer; there right {agreed.RightRate():P1}, wrong without asking {agreed.WrongWithoutAskingRate:P1}, asked back {askedOnCodes}/{codes} agreed codes; the second labeller as a reader: right {humanRight:P1}, wrong without asking {humanWrong:P1}"));
            }
            var misses = report.Results.Where(r => r.Verdict is not (ReplyVerdict.Right or ReplyVerdict.AskedRightGuess)).ToList();
            output.WriteLine($"misses ({misses.Count}, worst first):");
            foreach (var miss in misses.OrderBy(m => m.Verdict == ReplyVerdict.WrongWithoutAsking ? 0 : m.Verdict == ReplyVerdict.AskedWrongGuess ? 1 : 2).Take(MissesShown))
                output.WriteLine($"  {miss.Case.Id} {miss.Case.Question}: 「{miss.Case.Reply}」 expected {miss.Case.Expected}, got {miss.Reading.Outcome} {miss.Reading.Code ?? "-"}{(miss.Opposite ? " OPPOSITE" : "")}");
            output.WriteLine();
        }
        foreach (var report in requests)
        {
            var (offered, missed) = report.MissedRequests;
            var (naming, questions) = report.QuestionsNamingCommands;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== requests: {report.File}: {report.Right}/{report.Results.Count} right ({report.RightRate:P1}); read as a question {missed}, the asked command offered on a refusal {offered}/{missed}; questions offered a command they only mention {naming}/{questions}"));
            foreach (var (row, got, buttons) in report.Results.Where(r => r.Got != r.Case.Expected))
                output.WriteLine($"  {row.Id}: 「{row.Text}」 expected {row.Expected}, got {got}{(buttons.Count > 0 ? $" (a refusal offers {string.Join('/', buttons)})" : "")}");
            foreach (var (row, _, buttons) in report.Results.Where(r => r.Case.Expected == "question" && r.Offered.Except(["start", "person"]).Any()))
                output.WriteLine($"  {row.Id}: 「{row.Text}」 a question; a refusal would offer {string.Join('/', buttons)}");
            output.WriteLine();
        }
    }

    private static void WriteRow(TextWriter output, ReplyReport report, string name, string? question) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} {report.Total(question),4} {report.Count(ReplyVerdict.Right, question),6} {report.Count(ReplyVerdict.AskedRightGuess, question),7} {report.Count(ReplyVerdict.AskedWrongGuess, question),7} {report.Count(ReplyVerdict.WrongWithoutAsking, question),6} {report.Count(ReplyVerdict.NotUnderstood, question),7} {report.RightRate(question),7:P1}"));

    public static object ToJson(IEnumerable<ReplyReport> replies, IEnumerable<RequestReport> requests) => new
    {
        replies = replies.Select(r => new
        {
            file = r.File,
            total = r.Total(),
            right = r.RightRate(),
            wrongWithoutAsking = r.WrongWithoutAskingRate,
            opposites = r.Opposites,
            ambiguousAsked = r.AmbiguousAsked.Asked,
            ambiguous = r.AmbiguousAsked.Total,
            second = r.Second is { } second ? new
            {
                labelled = second.Labelled.Count,
                agreed = second.Agreed.Total(),
                agreedRight = second.Agreed.RightRate(),
                agreedWrongWithoutAsking = second.Agreed.WrongWithoutAskingRate,
                askedOnAgreedCodes = second.AskedOnAgreedCodes.Asked,
                agreedCodes = second.AskedOnAgreedCodes.Codes,
                humanRight = second.HumanBaseline.Right,
                humanWrongWithoutAsking = second.HumanBaseline.Wrong,
            } : null,
            perQuestion = r.Results.Select(x => x.Case.Question).Distinct().Select(q => new
            {
                question = q,
                n = r.Total(q),
                right = r.Count(ReplyVerdict.Right, q),
                askedRightGuess = r.Count(ReplyVerdict.AskedRightGuess, q),
                askedWrongGuess = r.Count(ReplyVerdict.AskedWrongGuess, q),
                wrongWithoutAsking = r.Count(ReplyVerdict.WrongWithoutAsking, q),
                notUnderstood = r.Count(ReplyVerdict.NotUnderstood, q),
            }),
            // Which reading rule the understood answers came from, and how often it was wrong: where to ask back instead.
            sources = r.Results.Where(x => x.Reading.Outcome == "understood").GroupBy(x => x.Reading.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new { source = g.Key, understood = g.Count(), wrong = g.Count(x => x.Verdict == ReplyVerdict.WrongWithoutAsking) }),
            // The same per question: an ask-back gate is chosen per rule and question (knowledge/eval/README.md, ask-back gate).
            sourcesByQuestion = r.Results.Where(x => x.Reading.Outcome == "understood")
                .GroupBy(x => (x.Case.Question, x.Reading.Source)).OrderBy(g => g.Key.Question, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal)
                .Select(g => new { question = g.Key.Question, source = g.Key.Source, understood = g.Count(), wrong = g.Count(x => x.Verdict == ReplyVerdict.WrongWithoutAsking) }),
            misses = r.Results.Where(x => x.Verdict is not (ReplyVerdict.Right or ReplyVerdict.AskedRightGuess)).Select(x => new
            {
                id = x.Case.Id, question = x.Case.Question, reply = x.Case.Reply, expected = x.Case.Expected,
                outcome = x.Reading.Outcome, code = x.Reading.Code, source = x.Reading.Source, opposite = x.Opposite,
            }),
        }),
        requests = requests.Select(r => new
        {
            file = r.File,
            total = r.Results.Count,
            right = r.RightRate,
            readAsQuestion = r.MissedRequests.Missed,
            offeredOnRefusal = r.MissedRequests.Offered,
            questionsNamingCommands = r.QuestionsNamingCommands.Naming,
            misses = r.Results.Where(x => x.Got != x.Case.Expected).Select(x => new { id = x.Case.Id, text = x.Case.Text, expected = x.Case.Expected, got = x.Got, offered = x.Offered }),
        }),
    };
}
