using Mamori.Cli.Baseline;
using Mamori.Cli.Evaluation;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Tests.Evaluation;

/// <summary>
/// The quality bar on the real gold questions (knowledge/eval): a regression here means owners get worse answers.
/// Thresholds are the project targets, not the current numbers, so content growth does not make the test brittle.
/// </summary>
public sealed class EvalQualityTests
{
    [Fact]
    public async Task Embedded_lexical_retrieval_meets_the_targets_and_beats_the_Lucene_baseline()
    {
        var set = EvalSet.Load(EvalFixture.Content.Eval);
        var retriever = EvalFixture.Retriever;
        var ours = await EvalRunner.RunAsync("embedded", set, EvalSystems.Embedded(retriever), default);
        using var lucene = new LuceneBaseline(EvalSystems.Chunks(retriever));
        var baseline = await EvalRunner.RunAsync("lucene", set, EvalSystems.Lucene(lucene), default);

        Assert.True(ours.RecallAt5 >= 0.90, $"recall@5 {ours.RecallAt5:0.000}");
        Assert.True(ours.MrrAt10 >= 0.75, $"MRR@10 {ours.MrrAt10:0.000}");
        Assert.True(ours.RecallAt5 >= baseline.RecallAt5, $"recall@5 {ours.RecallAt5:0.000} vs Lucene {baseline.RecallAt5:0.000}");
        Assert.True(ours.MrrAt10 > baseline.MrrAt10, $"MRR@10 {ours.MrrAt10:0.000} vs Lucene {baseline.MrrAt10:0.000}");
        Assert.True(ours.FalseRefusalRate <= 0.05, $"false refusals {ours.FalseRefusalRate:0.000}");
        // Issue #3: out-of-scope questions (other subsidies, everyday IT trouble, shopping) are refused, not answered
        // from a passage that mentions their words in passing.
        Assert.True(ours.CorrectRefusalRate >= 0.90, $"correct refusals {ours.CorrectRefusalRate:0.000}: " +
            string.Join(" / ", ours.Results.Where(r => !r.InScope && !r.Refused).Select(r => r.Question.Question)));
    }
}
