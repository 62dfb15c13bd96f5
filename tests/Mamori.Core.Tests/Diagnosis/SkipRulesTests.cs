using System.Text.RegularExpressions;
using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;

namespace Mamori.Core.Tests.Diagnosis;

/// <summary>
/// The promise of every skip rule in questions.yaml: a question is left out only when its answer could not change the
/// result. The same answers, classified once with the real script (skipped questions absent) and once with a copy of
/// it that asks everything, must give the same barrier, blocked stages, step and worrying pattern.
/// </summary>
public sealed partial class SkipRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [GeneratedRegex(@"^    (skipWhen|askWhen):")]
    private static partial Regex ConditionStart();

    private static readonly Lazy<BarrierClassifier> AsksEverything = new(() =>
    {
        var folder = TestKnowledge.CopyOfDiagnosisFolder("mamori-noskip-");
        var kept = new List<string>();
        var inCondition = false;
        foreach (var line in File.ReadAllLines(Path.Combine(folder, DiagnosisScriptLoader.QuestionsFile)))
        {
            // A condition's block is its key line and every line indented deeper than the question's keys.
            inCondition = ConditionStart().IsMatch(line) || (inCondition && line.StartsWith("      ", StringComparison.Ordinal));
            if (!inCondition)
                kept.Add(line);
        }
        File.WriteAllLines(Path.Combine(folder, DiagnosisScriptLoader.QuestionsFile), kept);
        var script = DiagnosisScriptLoader.Load(folder);
        Assert.All(script.Questions, q => Assert.True(script.IsAsked(q, AnswerSet.Empty), q.Id));
        return new BarrierClassifier(script, ClassifierRules.Load(TestKnowledge.Folder, script));
    });

    [Fact]
    public void Leaving_out_the_skipped_questions_never_changes_the_result()
    {
        var random = new Random(20261202);
        var catalog = TestKnowledge.Kit.Catalog;
        var skippedSome = 0;
        for (var run = 0; run < 3000; run++)
        {
            var answers = TestKnowledge.Script.Questions.Aggregate(AnswerSet.Empty, (set, q) =>
            {
                var codes = q.Codes.ToList();
                return set.With(q.Id, codes[random.Next(codes.Count)]);
            });
            // What two skip rules take from the answer before: work given to an outside firm means someone outside to
            // ask, and a knowledgeable employee in charge knows what to do.
            if (answers.CodeOf("tal_person") == "outsourced")
                answers = answers.With("tal_outside", "yes");
            if (answers.CodeOf("tal_person") == "dedicated")
                answers = answers.With("tal_skill", "yes");
            if (TestKnowledge.Script.Skipped(answers).Count > 0)
                skippedSome++;

            var asked = TestKnowledge.Classifier.Classify(answers, catalog, Today);
            var everything = AsksEverything.Value.Classify(answers, catalog, Today);
            var what = string.Join(" ", answers.Select(a => $"{a.Key}={a.Value.Code}"));
            Assert.True(asked.PrimaryBarrier == everything.PrimaryBarrier, $"primary barrier for {what}");
            Assert.True(asked.BlockedStages.SequenceEqual(everything.BlockedStages), $"blocked stages for {what}");
            Assert.True(asked.MaturityStep == everything.MaturityStep, $"step for {what}");
            Assert.True(asked.Undetermined == everything.Undetermined, $"undetermined for {what}");
            Assert.True(asked.WorryingPattern == everything.WorryingPattern, $"worrying pattern for {what}");
        }
        Assert.True(skippedSome > 2500, $"only {skippedSome} runs left a question out");
    }

    [Fact]
    public void A_skip_rule_without_a_reason_for_the_owner_stops_the_start_naming_the_question()
    {
        var folder = TestKnowledge.CopyOfDiagnosisFolder("mamori-because-");
        var path = Path.Combine(folder, DiagnosisScriptLoader.QuestionsFile);
        var text = File.ReadAllText(path);
        var reason = "      - because: 対策をしている方がいないとのことでしたので、担当の方についての質問は省きました。\n";
        Assert.Contains(reason, text);
        File.WriteAllText(path, text.Replace(reason, "      -\n", StringComparison.Ordinal));

        var error = Assert.Throws<FormatException>(() => DiagnosisScriptLoader.Load(folder));
        Assert.Contains("tal_skill", error.Message);
        Assert.Contains("because", error.Message);
    }
}
