using Mamori.Core;
using Mamori.Core.Diagnosis;
using Mamori.Core.Evidence;

namespace Mamori.Host.Tests.Dashboard;

/// <summary>
/// Seeded synthetic companies: random answers to the real questions (now and then 「わからない」), classified by the real
/// classifier over the real catalog, written through the real evidence store. Some companies come back for a second run.
/// </summary>
internal static class SyntheticDiagnoses
{
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<EvidenceDiagnosis> Generate(DiagnosisKit kit, EvidenceKeys keys, string tenant, int companies, int seed)
    {
        var random = new Random(seed);
        var today = new DateOnly(2026, 12, 1);
        var diagnoses = new List<EvidenceDiagnosis>(companies * 2);
        for (int c = 0; c < companies; c++)
        {
            string user = $"{tenant}-user-{c}";
            int runs = random.Next(10) == 0 ? 2 : 1;
            for (int run = 0; run < runs; run++)
            {
                var answers = AnswerSet.Empty;
                foreach (var question in kit.Script.Questions)
                {
                    string code = random.Next(12) == 0 || question.Choices.Count == 0 ? question.Unknown.Code : question.Choices[random.Next(question.Choices.Count)].Code;
                    answers = answers.With(question.Id, code, null);
                }
                var facts = DiagnosisFacts.From(kit.Classify(answers, today), answers);
                var at = Start.AddDays(random.Next(330)).AddMinutes(random.Next(1440));
                diagnoses.Add(new EvidenceDiagnosis(tenant, keys.Company(tenant, user), keys.Conversation(tenant, $"{user}-conv-{run}"), at, facts));
            }
        }
        return diagnoses;
    }

    public static async Task WriteAsync(IEvidenceStore store, IEnumerable<EvidenceDiagnosis> diagnoses)
    {
        foreach (var diagnosis in diagnoses)
            await store.AddDiagnosisAsync(diagnosis, default);
    }
}
