using System.Text.Json;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Classification;

public sealed class BarrierClassifierPropertyTests
{
    private const int Runs = 500;
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static BarrierClassifier Classifier => TestKnowledge.Classifier;

    [Fact]
    public void The_same_answers_give_byte_identical_json()
    {
        var random = new Random(20261129);
        var catalog = BarrierSpecs.RealCatalog.Value;
        for (var i = 0; i < Runs; i++)
        {
            var answers = RandomAnswers.Build(RandomAnswers.Pairs(TestKnowledge.Script, random).ToList());
            var first = DiagnosisResultJson.Serialize(Classifier.Classify(answers, catalog, Today));
            var second = DiagnosisResultJson.Serialize(Classifier.Classify(answers, catalog, Today));
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void The_order_of_the_answers_does_not_matter()
    {
        var random = new Random(7);
        var catalog = BarrierSpecs.RealCatalog.Value;
        for (var i = 0; i < Runs; i++)
        {
            var pairs = RandomAnswers.Pairs(TestKnowledge.Script, random).ToList();
            var shuffled = pairs.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(
                DiagnosisResultJson.Serialize(Classifier.Classify(RandomAnswers.Build(pairs), catalog, Today)),
                DiagnosisResultJson.Serialize(Classifier.Classify(RandomAnswers.Build(shuffled), catalog, Today)));
        }
    }

    // Answers that block each stage by one of its rules (rules.yaml).
    private static readonly Dictionary<Stage, (string Id, string Code)[]> Blockers = new()
    {
        [Stage.Motivation] = [("supply_chain", "none"), ("mot_bids", "no"), ("it_plan", "none"), ("mot_duty", "none")],
        [Stage.Awareness] = [("aw_target", "no")],
        [Stage.Investment] = [("inv_budget", "zero")],
        [Stage.Talent] = [("tal_person", "none")],
        [Stage.Measures] = [("m_updates", "no")],
    };

    [Fact]
    public void Blocking_an_earlier_stage_never_moves_the_primary_barrier_later()
    {
        var random = new Random(42);
        var catalog = BarrierSpecs.TestCatalog.Value;
        for (var i = 0; i < Runs; i++)
        {
            var answers = RandomAnswers.Build(RandomAnswers.Pairs(TestKnowledge.Script, random));
            var before = Classifier.Classify(answers, catalog, Today).PrimaryBarrier;
            var stage = (Stage)random.Next(5);
            var blocked = Blockers[stage].Aggregate(answers, (set, a) => set.With(a.Id, a.Code));
            var after = Classifier.Classify(blocked, catalog, Today);
            Assert.True(after.Barriers.Single(b => b.Stage == stage).Blocked, $"{stage} should be blocked");
            // Too many 「わからない」 names no barrier at all (rules.yaml undetermined): nothing to compare.
            if (after.Undetermined)
                continue;
            Assert.NotNull(after.PrimaryBarrier);
            Assert.True(after.PrimaryBarrier <= stage, $"blocked {stage}, primary is {after.PrimaryBarrier}");
            if (before is { } earlier)
                Assert.True(after.PrimaryBarrier <= earlier, $"primary moved from {earlier} to {after.PrimaryBarrier}");
        }
    }

    [Fact]
    public void Every_random_company_gets_a_step_evidence_and_unexpired_recommendations()
    {
        var random = new Random(99);
        var catalog = BarrierSpecs.RealCatalog.Value;
        for (var i = 0; i < Runs; i++)
        {
            var answers = RandomAnswers.Build(RandomAnswers.Pairs(TestKnowledge.Script, random));
            var result = Classifier.Classify(answers, catalog, Today);
            Assert.InRange(result.MaturityStep, 1, 4);
            Assert.True(result.Recommendations.Count > 0, string.Join(" ", answers.Select(a => a.Key + "=" + a.Value.Code)) + " → " + DiagnosisResultJson.Serialize(result)[..200]);
            Assert.Equal(5, result.Barriers.Count);
            Assert.All(result.Barriers.Where(b => b.Blocked), b => Assert.NotEmpty(b.Evidence));
            Assert.InRange(result.Recommendations.Count, 1, 6);
            Assert.All(result.Recommendations, r => Assert.False(catalog.Find(r.MeasureId)!.IsExpired(Today)));
            Assert.Equal(result.Recommendations.Count, result.Recommendations.Select(r => r.MeasureId).Distinct().Count());
            using var json = JsonDocument.Parse(DiagnosisResultJson.Serialize(result));   // always valid JSON
        }
    }
}
