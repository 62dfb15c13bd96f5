using Mamori.Core.Diagnosis;

namespace Mamori.Core.Tests.Classification;

/// <summary>Seeded random answer sets over every question and code (incl. わからない and unanswered).</summary>
internal static class RandomAnswers
{
    public static IEnumerable<(string Id, string Code)> Pairs(DiagnosisScript script, Random random)
    {
        foreach (var q in script.Questions)
        {
            if (random.Next(10) == 0)
                continue;   // unanswered
            var codes = q.Codes.ToList();
            yield return (q.Id, codes[random.Next(codes.Count)]);
        }
    }

    public static AnswerSet Build(IEnumerable<(string Id, string Code)> pairs) =>
        pairs.Aggregate(AnswerSet.Empty, (set, p) => set.With(p.Id, p.Code));
}
