using Mamori.Core.Classification;
using Mamori.Core.Domain;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Classification;

/// <summary>Specs/barriers.yaml: company profiles → primary barrier, step, evidence and recommendations.</summary>
public sealed class BarrierClassifierSpecTests
{
    public static TheoryData<BarrierSpec> Specs()
    {
        var data = new TheoryData<BarrierSpec>();
        foreach (var spec in BarrierSpecs.All)
            data.Add(spec);
        return data;
    }

    [Theory, MemberData(nameof(Specs))]
    public void Classifies_the_company_as_specified(BarrierSpec spec)
    {
        var answers = BarrierSpecs.AnswersFor(spec);
        var result = TestKnowledge.Classifier.Classify(answers, BarrierSpecs.CatalogFor(spec), BarrierSpecs.Today(spec));
        var e = spec.Expect;
        var ids = result.Recommendations.Select(r => r.MeasureId).ToList();
        var shown = string.Join(", ", ids);

        if (e.PrimaryBarrier is not null)
            Assert.Equal(e.PrimaryBarrier, result.PrimaryBarrier?.Code() ?? "none");
        if (e.MaturityStep is { } step)
            Assert.Equal(step, result.MaturityStep);
        if (e.Blocked is not null)
            Assert.Equal(e.Blocked, result.BlockedStages.Select(s => s.Code()));
        foreach (var (stage, evidence) in e.Evidence ?? [])
        {
            var finding = result.Barriers.Single(b => b.Stage.Code() == stage);
            Assert.True(finding.Blocked, $"{stage} should be blocked");
            Assert.Equal(evidence, finding.Evidence);
            Assert.NotEmpty(finding.Reasons);
        }
        if (e.WorryingPattern is { } worrying)
            Assert.Equal(worrying, result.WorryingPattern);
        if (e.ItPlan is { } itPlan)
            Assert.Equal(itPlan, result.ItPlan);
        foreach (var id in e.Includes ?? [])
            Assert.True(ids.Contains(id), $"expected {id} among [{shown}]");
        foreach (var id in e.Excludes ?? [])
            Assert.False(ids.Contains(id), $"did not expect {id} among [{shown}]");
        if (e.First is not null)
            Assert.Equal(e.First, ids.FirstOrDefault());
        foreach (var id in e.Bundled ?? [])
            Assert.True(result.Recommendations.Any(r => r.MeasureId == id && r.ItBundle), $"expected {id} bundled among [{shown}]");
        if (e.NoBundle)
            Assert.DoesNotContain(result.Recommendations, r => r.ItBundle);
        if (e.Unanswered is not null)
            Assert.Equal(e.Unanswered, result.Unanswered);
        if (e.Undetermined is { } undetermined)
            Assert.Equal(undetermined, result.Undetermined);
        if (e.Unconfirmed is not null)
            Assert.Equal(e.Unconfirmed, result.Barriers.Where(b => b.Unconfirmed).Select(b => b.Stage.Code()));

        // Always: 3–6 recommendations, at least two kinds of support, none expired, all for a real stage.
        Assert.InRange(result.Recommendations.Count, 3, 6);
        Assert.True(result.Recommendations.Select(r => r.SupportType).Distinct().Count() >= 2, $"one support type only: [{shown}]");
        var catalog = BarrierSpecs.CatalogFor(spec);
        Assert.All(result.Recommendations, r => Assert.False(catalog.Find(r.MeasureId)!.IsExpired(BarrierSpecs.Today(spec))));
        if (result.PrimaryBarrier is { } primary)
            Assert.Contains(result.Recommendations, r => r.Barrier == primary);
    }

    [Fact]
    public void The_spec_covers_every_stage_every_step_and_the_special_cases()
    {
        var specs = BarrierSpecs.All;
        Assert.True(specs.Count >= 30, $"{specs.Count} rows");
        foreach (var stage in Enum.GetValues<Stage>())
            Assert.Contains(specs, s => s.Expect.PrimaryBarrier == stage.Code());
        Assert.Contains(specs, s => s.Expect.PrimaryBarrier == "none");
        foreach (var step in new[] { 1, 2, 3, 4 })
            Assert.Contains(specs, s => s.Expect.MaturityStep == step);
        Assert.Contains(specs, s => s.Expect.WorryingPattern == true);
        Assert.Contains(specs, s => s.Expect.Bundled is { Count: > 0 });
        Assert.Contains(specs, s => s.Expect.Excludes?.Contains("t-aw-human-expired") == true);
        Assert.Contains(specs, s => s.Catalog == "real");
    }
}
