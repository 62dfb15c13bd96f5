using Mamori.Core.Classification;
using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;
using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Measures;

/// <summary>
/// A programme past its validUntil is never offered to an owner as open (knowledge/measures/README.md, "Deadlines"),
/// checked with the real catalog copied to a temporary folder and one real entry given a deadline: Tokyo's subsidy,
/// which the Tokyo bakery is offered today.
/// </summary>
public sealed class ExpiredMeasureTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private const string Subsidy = "tokyo-cyber-security-subsidy";

    [Fact]
    public void A_real_entry_is_offered_through_its_last_day_and_never_after_it()
    {
        Assert.Contains(Subsidy, Offered(CatalogWith(Subsidy, validUntil: null)));
        Assert.Contains(Subsidy, Offered(CatalogWith(Subsidy, validUntil: Today)));

        var expired = CatalogWith(Subsidy, validUntil: Today.AddDays(-1));
        Assert.Equal([Subsidy], expired.Expired(Today).Select(m => m.Id));
        Assert.DoesNotContain(Subsidy, Offered(expired));
        Assert.InRange(Diagnose(expired).Recommendations.Count, 3, 6);   // the bakery still gets a full list from what is open
    }

    [Fact]
    public void The_one_thing_for_this_week_never_links_a_closed_programme()
    {
        var week = Diagnose(CatalogWith(Subsidy, validUntil: null)).ThisWeek;
        Assert.NotNull(week);

        // Close the very measure this week's action links to: the owner gets the next action that applies instead.
        var closed = CatalogWith(week.MeasureId, validUntil: Today.AddDays(-1));
        var instead = Diagnose(closed).ThisWeek;
        Assert.NotNull(instead);
        Assert.NotEqual(week.MeasureId, instead.MeasureId);
        Assert.False(closed.Find(instead.MeasureId)!.IsExpired(Today));
        Assert.NotEqual(week.Action, instead.Action);
        Assert.EndsWith("。", instead.Action);
    }

    // Every measure the owner is sent to: the recommendations and the one thing for this week.
    private static IReadOnlyList<string> Offered(MeasureCatalog catalog)
    {
        var result = Diagnose(catalog);
        return [.. result.Recommendations.Select(r => r.MeasureId), .. result.ThisWeek is { } week ? [week.MeasureId] : Array.Empty<string>()];
    }

    private static DiagnosisResult Diagnose(MeasureCatalog catalog)
    {
        var json = File.ReadAllText(Path.Combine(TestKnowledge.Folder.Diagnosis, "examples", "bakery-tokyo.json"));
        var (answers, errors) = AnswerFile.Parse(json, TestKnowledge.Script, TestKnowledge.Reader);
        Assert.Empty(errors);
        return TestKnowledge.Classifier.Classify(answers, catalog, Today);
    }

    // The real files, with `validUntil:` added under the entry's `reviewed:` line (the entry has none of its own).
    private static MeasureCatalog CatalogWith(string id, DateOnly? validUntil)
    {
        var dir = Directory.CreateTempSubdirectory("mamori-expired-");
        try
        {
            foreach (var file in Directory.GetFiles(TestKnowledge.Folder.Measures, "*.yaml"))
            {
                var lines = File.ReadAllLines(file).ToList();
                int start = lines.FindIndex(l => l.Trim() == $"- id: {id}");
                if (start >= 0 && validUntil is { } until)
                {
                    Assert.DoesNotContain(lines.Skip(start + 1).TakeWhile(l => !l.TrimStart().StartsWith("- id:", StringComparison.Ordinal)),
                        l => l.TrimStart().StartsWith("validUntil:", StringComparison.Ordinal));
                    int reviewed = lines.FindIndex(start, l => l.TrimStart().StartsWith("reviewed:", StringComparison.Ordinal));
                    lines.Insert(reviewed + 1, $"    validUntil: {until:yyyy-MM-dd}");
                }
                File.WriteAllLines(Path.Combine(dir.FullName, Path.GetFileName(file)), lines);
            }
            return MeasureCatalogLoader.Load(dir.FullName, TestKnowledge.Script);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
