using System.Xml.Linq;
using Mamori.Core.Reports;
using Mamori.Core.Tests.Classification;
using Mamori.Core.Tests.Diagnosis;
using SkiaSharp;

namespace Mamori.Core.Tests.Reports;

public sealed class StageChartTests
{
    private static readonly string[] StageNames = ["動機付け", "経営者の認識", "投資（予算化）", "人材", "十分な対策"];
    private static readonly Lazy<ReportTexts> Texts = new(() => ReportTexts.Load(TestKnowledge.Folder));

    private static StageChart ChartBlockedAtAwareness()
    {
        var spec = BarrierSpecs.All.First(s => s.Expect.PrimaryBarrier == "awareness" && s.Expect.Blocked?.Contains("measures") == true);
        var result = TestKnowledge.Classifier.Classify(BarrierSpecs.AnswersFor(spec), BarrierSpecs.TestCatalog.Value, new DateOnly(2026, 11, 29));
        return StageChart.For(result, Texts.Value);
    }

    [Fact]
    public void The_svg_shows_the_five_stages_in_Japanese_and_marks_the_primary_barrier()
    {
        var svg = ChartBlockedAtAwareness().ToSvg();
        var doc = XDocument.Parse(svg);                                   // well-formed XML
        XNamespace ns = "http://www.w3.org/2000/svg";
        var groups = doc.Descendants(ns + "g").Where(g => g.Attribute("data-stage") is not null).ToList();
        Assert.Equal(["motivation", "awareness", "investment", "talent", "measures"], groups.Select(g => g.Attribute("data-stage")!.Value));
        foreach (var name in StageNames)
            Assert.Contains(name, svg);
        Assert.Contains("いちばんの壁", svg);
        Assert.Equal("stage blocked primary", groups[1].Attribute("class")!.Value);
        Assert.Equal("stage blocked", groups[4].Attribute("class")!.Value);
        Assert.Equal("stage clear", groups[0].Attribute("class")!.Value);
        Assert.Contains("ステップ1", svg);
    }

    [Fact]
    public void A_CJK_font_is_found_on_a_machine_with_fonts_noto_cjk()
    {
        if (!Directory.Exists("/usr/share/fonts/opentype/noto"))
            return;   // only meaningful where the Debian package is installed (here and in CI)
        var font = CjkFont.Locate();
        Assert.NotNull(font);
        Assert.EndsWith(".ttc", font.Path);
    }

    [Fact]
    public void A_font_without_Japanese_glyphs_or_a_missing_file_is_not_accepted()
    {
        Assert.Null(CjkFont.Check("/nonexistent/font.ttc"));
        Assert.Null(CjkFont.Check(Path.Combine(TestKnowledge.Specs, "parser.yaml")));   // not a font at all
        var latin = new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf" }
            .FirstOrDefault(File.Exists);
        if (latin is not null)
            Assert.Null(CjkFont.Check(latin));                                             // would draw tofu boxes
        Assert.Contains("fonts-noto-cjk", CjkFont.MissingMessage);
    }

    [Fact]
    public void The_png_has_real_glyphs_in_the_stage_labels()
    {
        if (CjkFont.Locate() is not { } font)
        {
            Assert.Fail(CjkFont.MissingMessage);
            return;
        }
        var png = new StageChartPng(font).Render(ChartBlockedAtAwareness());
        if (Environment.GetEnvironmentVariable("MAMORI_CHART_OUT") is { Length: > 0 } path)
            File.WriteAllBytes(path, png);   // to look at the picture by eye
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(StageChart.Width, bitmap.Width);
        Assert.Equal(StageChart.Height, bitmap.Height);

        // The name line of each box: dark ink pixels only come from drawn text.
        var inks = Enumerable.Range(0, 5).Select(i => InkIn(bitmap, (int)(StageChart.Left + i * (StageChart.BoxWidth + StageChart.Gap)) + 8,
            (int)StageChart.BoxTop + 12, (int)StageChart.BoxWidth - 16, 30)).ToList();
        Assert.All(inks, ink => Assert.True(ink.Count > 60, $"only {ink.Count} ink pixels in a label"));
        // Different names draw different shapes: missing glyphs (tofu boxes) would look alike.
        Assert.Equal(5, inks.Select(i => i.Signature).Distinct().Count());
        // 「人材」 (2 characters) needs less ink than 「経営者の認識」 (6).
        Assert.True(inks[3].Count < inks[1].Count);
    }

    private static (int Count, string Signature) InkIn(SKBitmap bitmap, int x0, int y0, int width, int height)
    {
        var count = 0;
        var signature = new System.Text.StringBuilder();
        for (var y = y0; y < y0 + height; y++)
        {
            var row = 0;
            for (var x = x0; x < x0 + width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 110 && c.Green < 110 && c.Blue < 110)
                    row++;
            }
            count += row;
            signature.Append(row).Append(',');
        }
        return (count, signature.ToString());
    }
}
