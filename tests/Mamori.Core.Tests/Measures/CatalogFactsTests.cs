using Mamori.Core.Measures;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Measures;

/// <summary>What an owner would notice in the real catalog after the December 2026 audit (issue 13).</summary>
public sealed class CatalogFactsTests
{
    private static readonly MeasureCatalog Catalog = MeasureCatalogLoader.Load(TestKnowledge.Folder, TestKnowledge.Script);

    [Fact]
    public void The_security_track_is_still_offered_and_no_entry_says_a_programme_closed_without_an_end_date()
    {
        var track = Catalog.Find("digital-ai-subsidy-2026-security-track")!;
        Assert.False(track.IsExpired(new DateOnly(2026, 12, 4)));
        foreach (var m in Catalog.Measures.Where(m => m.ValidUntil is null))
            foreach (var (field, text) in MeasureCatalogLoader.OwnerFacing(m))
                Assert.False(text.Contains("受付は終わ") || text.Contains("締切はすべて過ぎ"), $"{m.Id}.{field} says the programme closed");
    }

    [Fact]
    public void Every_next_step_that_depends_on_security_action_mentions_gbizid()
    {
        var dependent = Catalog.Measures.Where(m =>
            (m.HowToStart.Contains("SECURITY ACTION") || (m.Eligibility.Note?.Contains("SECURITY ACTION") ?? false))
            && !(m.Eligibility.Note?.Contains("宣言は要りません") ?? false)).ToList();
        Assert.Contains(dependent, m => m.Id == "tokyo-cyber-security-subsidy");
        Assert.All(dependent, m => Assert.True(m.NextStep.Contains("GビズID"), $"{m.Id}: nextStep does not mention GビズID"));
    }

    [Fact]
    public void No_entry_links_the_dead_otasuketai_faq_or_a_site_top_page_the_audit_named()
    {
        string[] generic = ["https://www.ipa.go.jp/", "https://www.chusho.meti.go.jp/", "https://www.ppc.go.jp/", "https://www.nisc.go.jp/pr/column/20230307.html"];
        foreach (var m in Catalog.Measures)
        {
            Assert.DoesNotContain("ipa.go.jp/security/sme/otasuketai-faq.html", m.Url + string.Join(" ", m.Sources));
            Assert.DoesNotContain(m.Url, generic);
        }
    }

    [Fact]
    public void Tokyos_free_programmes_are_neither_said_to_run_in_2026_nor_to_have_closed()
    {
        var free = Catalog.Find("tokyo-cyber-free-support")!;
        Assert.Equal(["tokyo"], free.Eligibility.Regions);
        Assert.Equal("無料", free.Cost);
        Assert.Null(free.ValidUntil);
        foreach (var (field, text) in MeasureCatalogLoader.OwnerFacing(free))
        {
            Assert.DoesNotContain("2026年度", text);
            Assert.False(text.Contains("終了") || text.Contains("終わ") || text.Contains("実施中"), $"{field} says whether it runs: {text}");
        }
        // The owner is sent to the official page for this year's call; the open question is the reviewers'.
        Assert.Contains("今年度", free.NextStep);
        Assert.Equal(free.Url, free.Latest?.Url);
        Assert.Contains("2026年度", free.Caution);
        Assert.Contains("要確認", free.Caution);
        Assert.NotEmpty(free.AsOf);
    }

    [Fact]
    public void Time_bound_facts_read_as_of_their_month()
    {
        var track = Catalog.Find("digital-ai-subsidy-2026-security-track")!;
        Assert.Contains(track.AsOf, f => f.Label == "2026年3月時点");
    }
}
