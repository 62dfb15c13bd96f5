using System.Net;
using Mamori.Core.Evidence;

namespace Mamori.Host.Tests.Dashboard;

public sealed class DashboardTests
{
    private static readonly Dictionary<string, string> StageNames = new()
    {
        ["motivation"] = "動機付け", ["awareness"] = "経営者の認識", ["investment"] = "予算", ["talent"] = "人材",
        ["measures"] = "十分かつ妥当な対策", ["none"] = "壁なし", ["undetermined"] = "判定できず",
    };

    [Fact]
    public async Task The_heat_map_of_1200_synthetic_companies_equals_a_direct_count_and_hides_cells_under_k()
    {
        using var host = new DashboardHost();
        var diagnoses = SyntheticDiagnoses.Generate(host.Kit, host.Keys, "kyoto-cci", companies: 1200, seed: 12);
        await SyntheticDiagnoses.WriteAsync(host.Store, diagnoses);
        using var browser = await host.StaffAsync("kyoto-cci");

        var csv = await DashboardHost.CsvAsync(browser);

        Assert.Equal(["表", "行", "列", "会社数", "件数", "平均評価"], csv[0]);
        var industry = host.Kit.Script.Get("industry");
        var expected = diagnoses.GroupBy(d => (Row: StageNames[d.Facts.PrimaryBarrier], Column: industry.LabelOf(d.Facts.Segment.Industry)))
            .ToDictionary(g => g.Key, g => g.Select(d => d.Company).Distinct().Count());
        var shown = csv.Where(r => r[0] == "いちばんの壁 × 業種").ToDictionary(r => (r[1], r[2]), r => r[3]);
        Assert.Equal(expected.Count, shown.Count);
        foreach (var ((row, column), companies) in expected)
            Assert.Equal(companies >= 5 ? companies.ToString() : "5社未満", shown[(row, column)]);
        Assert.Contains(expected.Values, v => v < 5);   // the seed gives some small cells, so suppression was exercised

        var diagnosed = csv.Single(r => r[0] == "診断とその後" && r[1] == "診断した会社");
        Assert.Equal(("1200", diagnoses.Count.ToString()), (diagnosed[3], diagnosed[4]));
        var repeat = csv.Single(r => r[1] == "もう一度診断した会社");
        Assert.Equal(diagnoses.GroupBy(d => d.Company).Count(g => g.Count() > 1).ToString(), repeat[3]);
    }

    [Theory]
    [InlineData(4, "5社未満")]
    [InlineData(5, "5")]
    public async Task A_cell_is_shown_from_k_companies_on(int companies, string shown)
    {
        using var host = new DashboardHost();
        var facts = new DiagnosisFacts(new Segment("retail", "6-20", "kyoto", "high", "personal", "no"), ["awareness"], "awareness", 1, true, []);
        for (int i = 0; i < companies; i++)
            await host.Store.AddDiagnosisAsync(new EvidenceDiagnosis("kyoto-cci", host.Keys.Company("kyoto-cci", $"u{i}"), $"c{i}", SyntheticDiagnoses.Start, facts), default);
        using var browser = await host.StaffAsync("kyoto-cci");

        var csv = await DashboardHost.CsvAsync(browser);
        Assert.Equal(shown, csv.Single(r => r[0] == "いちばんの壁 × 業種" && r[1] == "経営者の認識" && r[2] == "小売業")[3]);

        string page = await browser.GetStringAsync("desk/dashboard");
        Assert.Contains("診断の集計", page);
        Assert.Equal(companies >= 5, page.Contains("<dd data-row=\"diagnosed/\">5社</dd>", StringComparison.Ordinal));
        // The chart hides what the table hides: under k the bar is a gap, not the count.
        var steps = ChartOf(page, "steps");
        Assert.Equal("ステップ1", (string?)steps["labels"]![0]);
        Assert.Equal(companies >= 5 ? "5" : null, steps["series"]![0]!["values"]![0]?.ToJsonString());
    }

    [Fact]
    public async Task The_measures_are_listed_most_recommended_first_and_the_chart_draws_the_top_ten()
    {
        using var host = new DashboardHost();
        var diagnoses = SyntheticDiagnoses.Generate(host.Kit, host.Keys, "kyoto-cci", companies: 1200, seed: 12);
        await SyntheticDiagnoses.WriteAsync(host.Store, diagnoses);
        using var browser = await host.StaffAsync("kyoto-cci");

        var recommended = diagnoses.SelectMany(d => d.Facts.Recommended.Select(m => (m.MeasureId, d.Company))).Distinct()
            .GroupBy(p => p.MeasureId).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(recommended.Count > 10, "the seed recommends more than ten measures");

        var chart = ChartOf(await browser.GetStringAsync("desk/dashboard"), "measures");
        Assert.Equal("勧めた会社", (string?)chart["series"]![0]!["name"]);
        var drawn = chart["series"]![0]!["values"]!.AsArray().Select(v => v is null ? 0 : (int)v).ToList();
        Assert.Equal(recommended.Take(10).Select(n => n >= 5 ? n : 0), drawn);

        var table = (await DashboardHost.CsvAsync(browser)).Where(r => r[0] == "勧めた支援策と開かれた支援策" && r[2] == "勧めた会社").ToList();
        Assert.Equal((string?)chart["labels"]![0], table.MaxBy(r => int.TryParse(r[3], out var n) ? n : 0)![1]);
    }

    /// <summary>The figures behind a section's chart, as dashboard.js reads them from the canvas.</summary>
    private static System.Text.Json.Nodes.JsonNode ChartOf(string page, string section)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, $"id=\"{section}\"><h2>.*?data-chart=\"([^\"]*)\"");
        Assert.True(match.Success, $"no chart in section {section}");
        return System.Text.Json.Nodes.JsonNode.Parse(WebUtility.HtmlDecode(match.Groups[1].Value))!;
    }

    [Fact]
    public async Task Staff_see_their_own_chamber_only_and_the_federation_sees_both()
    {
        using var host = new DashboardHost();
        await SyntheticDiagnoses.WriteAsync(host.Store, SyntheticDiagnoses.Generate(host.Kit, host.Keys, "kyoto-cci", 60, seed: 1));
        await SyntheticDiagnoses.WriteAsync(host.Store, SyntheticDiagnoses.Generate(host.Kit, host.Keys, "uji-cci", 40, seed: 2));
        using var uji = await host.StaffAsync("uji-cci");
        using var federation = await host.StaffAsync("federation", "fed");

        static string Diagnosed(List<string[]> csv) => csv.Single(r => r[1] == "診断した会社")[3];
        Assert.Equal("40", Diagnosed(await DashboardHost.CsvAsync(uji)));
        Assert.Equal("100", Diagnosed(await DashboardHost.CsvAsync(federation)));
        Assert.Equal("60", Diagnosed(await DashboardHost.CsvAsync(federation, "?tenant=kyoto-cci")));
        using var other = await uji.GetAsync("desk/dashboard.csv?tenant=kyoto-cci");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Theory]
    [InlineData("?from=2026-13")]
    [InlineData("?from=2026-1")]
    [InlineData("?from=%E4%BB%8A%E6%9C%88")]
    [InlineData("?from=2026-10&to=2026-01")]
    [InlineData("?industry=bakery")]
    [InlineData("?employees=%00")]
    [InlineData("?prefecture=%ED%A0%80")]
    [InlineData("?tenant=unknown-cci")]
    public async Task Bad_filters_get_a_4xx_with_a_reason_on_the_page_and_the_export(string query)
    {
        using var host = new DashboardHost();
        using var browser = await host.StaffAsync("kyoto-cci");
        foreach (var path in new[] { "desk/dashboard", "desk/dashboard.csv" })
        {
            using var response = await browser.GetAsync(path + query);
            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.NotEmpty(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Without_signing_in_the_page_leads_to_the_login_and_the_export_is_refused()
    {
        using var host = new DashboardHost();
        using var browser = host.Desk.NewBrowser();
        using var entry = await browser.GetAsync("dashboard?from=2026-01");
        Assert.Equal("/desk/dashboard?from=2026-01", entry.Headers.Location!.OriginalString);
        using var page = await browser.GetAsync("desk/dashboard");
        Assert.Equal("/desk/login", page.Headers.Location!.OriginalString);
        using var csv = await browser.GetAsync("desk/dashboard.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
    }
}
