using Mamori.Core.Measures;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Measures;

public sealed class MeasureCatalogLoaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void The_real_catalog_loads_with_unique_ids_and_a_next_step_for_every_entry()
    {
        var catalog = MeasureCatalogLoader.Load(TestKnowledge.Folder, TestKnowledge.Script);
        Assert.True(catalog.Measures.Count >= 20, $"only {catalog.Measures.Count} measures");
        Assert.Equal(catalog.Measures.Count, catalog.Measures.Select(m => m.Id).Distinct().Count());
        Assert.All(catalog.Measures, m => Assert.False(string.IsNullOrWhiteSpace(m.NextStep)));
        // Every support type and every stage has something to offer in the real catalog.
        foreach (var type in Enum.GetValues<Domain.SupportType>())
            Assert.Contains(catalog.Measures, m => m.SupportType == type);
        foreach (var stage in Enum.GetValues<Domain.Stage>())
            Assert.Contains(catalog.Measures, m => m.Barriers.Contains(stage));
    }

    [Fact]
    public void The_test_catalog_flags_entries_not_reviewed_for_a_year_and_expired_ones()
    {
        var catalog = MeasureCatalogLoader.Load(Path.Combine(TestKnowledge.Specs, "catalog"), TestKnowledge.Script);
        Assert.Equal(["t-bundle-checklist"], catalog.Stale(Today).Select(m => m.Id));
        Assert.Equal(["t-aw-human-expired"], catalog.Expired(Today).Select(m => m.Id));
        Assert.Empty(catalog.Expired(new DateOnly(2026, 9, 30)));   // valid through its last day
        Assert.True(catalog.Find("t-aw-tokyo")!.IsLocal);
    }

    public static TheoryData<string, string, string> BadEntries => new()
    {
        { "id: Bad_Id", "Bad_Id", "id" },
        { "supportType: money", "t-x", "supportType" },
        { "barriers: [budget]", "t-x", "barriers" },
        { "steps: [5]", "t-x", "steps" },
        { "reviewed: 2026-13-01", "t-x", "reviewed" },
        { "validUntil: next year", "t-x", "validUntil" },
        { "url: www.example.org", "t-x", "url" },
        { "sources: [not a url]", "t-x", "sources" },
        { "eligibility: { employees: [10-20] }", "t-x", "eligibility.employees" },
        { "eligibility: { industries: [farming] }", "t-x", "eligibility.industries" },
        { "eligibility: { regions: [edo] }", "t-x", "eligibility.regions" },
        { "itBundle: maybe", "t-x", "itBundle" },
        { "nextStep: ''", "t-x", "nextStep" },
        { "latest: { page: 公式のページ, url: example.org/p }", "t-x", "latest.url" },
        { "latest: { url: https://example.org/p }", "t-x", "latest.page" },
        // A note for reviewers in what owners read is refused: it belongs in caution.
        { "cost: 無料（回数は要確認）", "t-x", "cost" },
        { "summary: 公的な目安は見つかっていません。", "t-x", "summary" },
        { "nextStep: 調べた範囲では窓口はここです。", "t-x", "nextStep" },
    };

    [Theory, MemberData(nameof(BadEntries))]
    public void A_wrong_field_names_the_file_the_entry_and_the_field(string change, string entryId, string field)
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "t-x", ["name"] = "テスト", ["provider"] = "テスト", ["supportType"] = "knowledge", ["barriers"] = "[awareness]",
            ["steps"] = "[1]", ["cost"] = "無料", ["summary"] = "説明。", ["howToStart"] = "読む。", ["nextStep"] = "今週読む。",
            ["url"] = "https://example.org/x", ["sources"] = "[https://example.org/s]", ["reviewed"] = "2026-11-01",
        };
        var key = change[..change.IndexOf(':')];
        fields[key] = change[(change.IndexOf(':') + 1)..].Trim();
        var dir = Directory.CreateTempSubdirectory("mamori-catalog-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "broken.yaml"),
                "measures:\n" + string.Join("\n", fields.Select((kv, i) => (i == 0 ? "  - " : "    ") + kv.Key + ": " + kv.Value)) + "\n");
            var error = Assert.Throws<CatalogException>(() => MeasureCatalogLoader.Load(dir.FullName, TestKnowledge.Script));
            Assert.Equal(field, error.Field);
            Assert.Equal(entryId, error.EntryId);
            Assert.Contains("broken.yaml", error.Message);
            Assert.Contains($"'{field}'", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_id_used_in_two_files_is_reported_with_both_files()
    {
        var dir = Directory.CreateTempSubdirectory("mamori-catalog-");
        try
        {
            var source = File.ReadAllText(Path.Combine(TestKnowledge.Specs, "catalog", "test-measures.yaml"));
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), source);
            File.WriteAllText(Path.Combine(dir.FullName, "b.yaml"), source);
            var error = Assert.Throws<CatalogException>(() => MeasureCatalogLoader.Load(dir.FullName, TestKnowledge.Script));
            Assert.Equal("id", error.Field);
            Assert.Contains("a.yaml", error.Message);
            Assert.Contains("b.yaml", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
