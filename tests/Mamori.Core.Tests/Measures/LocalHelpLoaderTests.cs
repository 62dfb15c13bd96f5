using Mamori.Core.Measures;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Measures;

/// <summary>knowledge/measures/local-help.yaml: every prefecture has a row, the checked ones are listed, and a broken file stops the start with its name.</summary>
public sealed class LocalHelpLoaderTests
{
    private static readonly string[] Checked = ["tokyo", "kanagawa", "osaka", "aichi", "saitama", "chiba", "hyogo", "hokkaido", "fukuoka", "shizuoka", "kyoto"];

    [Fact]
    public void The_ten_most_populous_prefectures_and_Kyoto_are_listed_with_a_reviewed_date_and_sources()
    {
        var table = MeasureCatalogLoader.Load(TestKnowledge.Folder, TestKnowledge.Script).LocalHelp;
        Assert.Superset(Checked.ToHashSet(), table.Listed.ToHashSet());
        foreach (var code in Checked)
        {
            var row = table.Row(code)!;
            Assert.True(row.Reviewed >= new DateOnly(2026, 11, 1), $"{code}: reviewed {row.Reviewed}");
            Assert.NotEmpty(row.Sources);
        }
        // Every other prefecture has the default row: nothing of its own found.
        var codes = TestKnowledge.Script.Get("prefecture").Choices.Select(c => c.Code);
        Assert.All(codes, c => Assert.NotNull(table.Row(c)));
        Assert.Empty(table.Row("okinawa")!.Own);
        Assert.NotEmpty(table.Row("tokyo")!.Own);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "  kyoto: {", "  edo: {", "prefectures.edo" },
        { "own: [tokyo-cyber-free-support, tokyo-cyber-security-subsidy,", "own: [tokyo-cyber-free-support, tokyo-no-such-grant,", "'tokyo-no-such-grant' is not a measure" },
        { "  osaka: { own: []", "  osaka: { own: [tokyo-cyber-security-subsidy]", "prefectures.osaka.own" },
        { "measure: police-cyber-crime-desk", "measure: police-desk-typo", "desks[2].measure" },
        { "  aichi: { own: [], reviewed: 2026-12-01", "  aichi: { own: [], reviewed: 2026-12", "prefectures.aichi.reviewed" },
        { "  chiba: { own: [], reviewed: 2026-12-01, sources: [facts/jp-sme-measures.md §9-2] }", "  chiba: { own: [], reviewed: 2026-12-01, sources: [] }", "prefectures.chiba.sources" },
        { "searched: 2026-11", "searched: 秋", "searched" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public void A_broken_file_names_itself_and_the_place(string find, string replace, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("mamori-local-");
        var measures = Directory.CreateDirectory(Path.Combine(dir.FullName, "measures"));
        try
        {
            foreach (var file in Directory.GetFiles(TestKnowledge.Folder.Measures, "*.yaml"))
                File.Copy(file, Path.Combine(measures.FullName, Path.GetFileName(file)));
            var path = Path.Combine(measures.FullName, LocalHelpTable.FileName);
            var text = File.ReadAllText(path);
            Assert.Contains(find, text);
            File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));

            var error = Assert.Throws<FormatException>(() => MeasureCatalogLoader.Load(measures.FullName, TestKnowledge.Script));
            Assert.Contains("measures/local-help.yaml", error.Message);
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_the_file_the_product_does_not_start()
    {
        var dir = Directory.CreateTempSubdirectory("mamori-local-");
        try
        {
            var content = new ContentRoot(dir.FullName);
            var measures = Directory.CreateDirectory(content.Measures);
            foreach (var file in Directory.GetFiles(TestKnowledge.Folder.Measures, "*.yaml").Where(f => Path.GetFileName(f) != LocalHelpTable.FileName))
                File.Copy(file, Path.Combine(measures.FullName, Path.GetFileName(file)));
            var error = Assert.Throws<FileNotFoundException>(() => MeasureCatalogLoader.Load(content, TestKnowledge.Script));
            Assert.Contains(LocalHelpTable.FileName, error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
