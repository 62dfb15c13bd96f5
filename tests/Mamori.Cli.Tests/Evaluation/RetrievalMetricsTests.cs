using Mamori.Cli.Evaluation;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void Rank_recall_and_reciprocal_rank_count_passages_of_relevant_documents()
    {
        int? rank = RetrievalMetrics.FirstRelevantRank(["a", "a", "bec", "c"], ["bec", "x"]);
        Assert.Equal(3, rank);
        Assert.Equal(1, RetrievalMetrics.RecallAt(rank, 5));
        Assert.Equal(0, RetrievalMetrics.RecallAt(rank, 2));
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRankAt(rank, 10), 12);
        Assert.Equal(0, RetrievalMetrics.ReciprocalRankAt(null, 10));
    }

    [Fact]
    public void Refusal_rates_come_from_the_gate_verdicts()
    {
        EvidenceVerdict V(bool ok) => new(ok, 0, 0, 0, "");
        QuestionResult R(string id, string[] relevant, bool answerable, int? rank) =>
            new(new EvalQuestion(id, "q", relevant, "f.json"), new SystemAnswer(["bec"], V(answerable)), rank);
        var report = EvalReport.From("test", [
            R("in1", ["bec"], true, 1), R("in2", ["bec"], false, 1),
            R("out1", [], false, null), R("out2", [], false, null), R("out3", [], true, null), R("out4", [], false, null),
        ]);
        Assert.Equal(0.75, report.CorrectRefusalRate);
        Assert.Equal(0.5, report.FalseRefusalRate);
        Assert.Equal(["in2", "out3"], report.Failures.Select(f => f.Question.Id));
    }
}
