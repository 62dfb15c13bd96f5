using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Tests.Understanding;

/// <summary>
/// Specs/replies.yaml: owners' typed replies to every diagnosis question and what the bot must make of each — recorded
/// as a code, asked back with a guess, asked again, or answered as a question. Rows marked <c>known: miss</c> are what
/// the reader gets wrong today: they are skipped (and listed as skipped), never weakened.
/// </summary>
public sealed class RepliesSpecTests
{
    public sealed class ReplyCase
    {
        public string Q { get; set; } = "";
        public string Text { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? Code { get; set; }
        /// <summary>The choices a "which of" ask offers, in order (「大丈夫なはず」: できている or 一部だけ?).</summary>
        public List<string>? Which { get; set; }
        public string? Known { get; set; }

        public override string ToString() => $"{Q}: 「{Text}」 → {Outcome} {Code}";
    }

    private sealed class RepliesSpec
    {
        public List<ReplyCase> Cases { get; set; } = [];
    }

    private static readonly Lazy<List<ReplyCase>> All = new(() =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<RepliesSpec>(File.ReadAllText(Path.Combine(TestKnowledge.Specs, "replies.yaml"))).Cases);

    public static TheoryData<ReplyCase> Cases() => Rows(known: false);

    public static TheoryData<ReplyCase> KnownMisses() => Rows(known: true);

    private static TheoryData<ReplyCase> Rows(bool known)
    {
        var data = new TheoryData<ReplyCase>();
        foreach (var row in All.Value.Where(r => (r.Known == "miss") == known))
            data.Add(row);
        if (data.Count == 0)
            data.Add(new ReplyCase { Q = "industry", Text = "ラーメン屋", Outcome = "understood", Code = "food_service" });   // xunit needs a row
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Reads_the_reply_as_a_careful_person_would(ReplyCase row) => Check(row);

    [KnownMisses("replies.yaml"), MemberData(nameof(KnownMisses))]
    public void Known_miss(ReplyCase row) => Check(row);

    [Fact]
    public void Every_question_has_at_least_three_rows_and_every_row_names_a_real_question_and_code()
    {
        var rows = All.Value;
        foreach (var question in TestKnowledge.Script.Questions)
            Assert.True(rows.Count(r => r.Q == question.Id) >= 3, $"{question.Id}: {rows.Count(r => r.Q == question.Id)} rows");
        foreach (var row in rows)
        {
            Assert.True(TestKnowledge.Script.TryGet(row.Q, out var question), $"unknown question id in {row}");
            Assert.Contains(row.Outcome, new[] { "understood", "confirm", "notUnderstood", "question", "asked" });
            if (row.Code is { } code)
                Assert.True(question!.Accepts(code), $"{row}: '{code}' is not a code of {row.Q}");
            Assert.True(row.Known is null or "miss", $"{row}: known must be 'miss'");
        }
    }

    private static void Check(ReplyCase row)
    {
        var reading = TestKnowledge.Reader.Read(TestKnowledge.Script.Get(row.Q), row.Text);
        var got = $"{ReplyReadingNames.Of(reading.Outcome)} {reading.Code} ({reading.Source}, {reading.Confidence:0.00})";
        switch (row.Outcome)
        {
            case "asked":
                Assert.True(reading.Outcome is ReadingOutcome.Confirm or ReadingOutcome.NotUnderstood, $"{row}: got {got}");
                if (row.Code is { } guess && reading.Outcome == ReadingOutcome.Confirm)
                    Assert.True(guess == reading.Code, $"{row}: asked back with the wrong guess: {got}");
                break;
            case "understood" or "confirm":
                Assert.True(ReplyReadingNames.Of(reading.Outcome) == row.Outcome && (row.Code is null || row.Code == reading.Code), $"{row}: got {got}");
                if (row.Which is { } which)
                    Assert.True(reading.Alternatives?.SequenceEqual(which) == true, $"{row}: offers {string.Join('/', reading.Alternatives ?? [])}, not {string.Join('/', which)}");
                break;
            default:
                Assert.True(ReplyReadingNames.Of(reading.Outcome) == row.Outcome && reading.Code is null, $"{row}: got {got}");
                break;
        }
    }
}
