using System.Globalization;
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
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>How wide a chat bubble shows the picture on a 360 px phone (Web Chat, measured in Chromium: 266 px).</summary>
    private const float PhoneWidth = 260;

    private static StageChart Chart(string primary)
    {
        var spec = BarrierSpecs.All.First(s => s.Expect.PrimaryBarrier == primary);
        var result = TestKnowledge.Classifier.Classify(BarrierSpecs.AnswersFor(spec), BarrierSpecs.TestCatalog.Value, new DateOnly(2026, 11, 29));
        return StageChart.For(result, Texts.Value);
    }

    private static StageChart ChartBlockedAtAwareness()
    {
        var spec = BarrierSpecs.All.First(s => s.Expect.PrimaryBarrier == "awareness" && s.Expect.Blocked?.Contains("measures") == true);
        var result = TestKnowledge.Classifier.Classify(BarrierSpecs.AnswersFor(spec), BarrierSpecs.TestCatalog.Value, new DateOnly(2026, 11, 29));
        return StageChart.For(result, Texts.Value);
    }

    [Fact]
    public void The_svg_shows_the_five_stages_top_to_bottom_in_Japanese_and_marks_the_primary_barrier()
    {
        var doc = XDocument.Parse(ChartBlockedAtAwareness().ToSvg());      // well-formed XML
        var groups = doc.Descendants(Svg + "g").Where(g => g.Attribute("data-stage") is not null).ToList();
        Assert.Equal(["motivation", "awareness", "investment", "talent", "measures"], groups.Select(g => g.Attribute("data-stage")!.Value));
        Assert.Equal(StageNames, groups.Select(g => g.Elements(Svg + "text").Select(t => t.Value).First(StageNames.Contains)));
        var tops = groups.Select(g => float.Parse(g.Element(Svg + "rect")!.Attribute("y")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(tops.Order(), tops);                                  // a vertical path: one row per stage
        Assert.Equal("stage blocked primary", groups[1].Attribute("class")!.Value);
        Assert.Contains("いちばんの壁", groups[1].Value);
        Assert.Equal("stage blocked", groups[4].Attribute("class")!.Value);
        Assert.Contains("つまずき", groups[4].Value);
        Assert.Equal("stage clear", groups[0].Attribute("class")!.Value);
        Assert.Contains("クリア", groups[0].Value);
        Assert.Contains("ステップ1", doc.Root!.Value);
        Assert.Contains("いちばんの壁は「経営者の認識」", doc.Root.Attribute("aria-label")!.Value);
    }

    [Theory]
    [InlineData("motivation")]
    [InlineData("investment")]
    [InlineData("measures")]
    public void At_the_width_of_a_phone_bubble_every_text_is_at_least_12_px_and_inside_the_picture(string primary)
    {
        var doc = XDocument.Parse(Chart(primary).ToSvg());
        float width = float.Parse(doc.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        var sizes = doc.Descendants(Svg + "text").Select(t => float.Parse(t.Attribute("font-size")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(StageChart.Width, width);
        Assert.All(sizes, size => Assert.True(size * PhoneWidth / width >= 12, $"a {size}-unit text is {size * PhoneWidth / width:0.0} px on a phone"));
    }

    [Fact]
    public void No_empty_band_the_last_text_ends_near_the_bottom()
    {
        var chart = Chart("investment");
        var doc = XDocument.Parse(chart.ToSvg());
        float lastBaseline = doc.Descendants(Svg + "text").Max(t => float.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture));
        Assert.InRange(chart.Height - lastBaseline, 4, 24);
        float firstRow = doc.Descendants(Svg + "rect").Skip(1).Min(r => float.Parse(r.Attribute("y")!.Value, CultureInfo.InvariantCulture));
        Assert.True(firstRow < 60, $"the first stage starts at {firstRow}");
    }

    [Fact]
    public void Long_lines_wrap_after_a_colon_and_short_ones_stay_whole()
    {
        Assert.Equal(["今のステップ：", "ステップ2「現状を知り改善する」"], StageChart.Wrap("今のステップ：ステップ2「現状を知り改善する」", 20, 332));
        Assert.Equal(["人材"], StageChart.Wrap("人材", 20, 332));
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
    public void The_png_is_the_svg_at_twice_the_size_with_real_glyphs_in_each_row()
    {
        if (CjkFont.Locate() is not { } font)
        {
            Assert.Fail(CjkFont.MissingMessage);
            return;
        }
        var chart = ChartBlockedAtAwareness();
        var png = new StageChartPng(font).Render(chart);
        if (Environment.GetEnvironmentVariable("MAMORI_CHART_OUT") is { Length: > 0 } path)
            File.WriteAllBytes(path, png);   // to look at the picture by eye
        using var bitmap = SKBitmap.Decode(png);
        var svg = XDocument.Parse(chart.ToSvg()).Root!;
        Assert.Equal(float.Parse(svg.Attribute("width")!.Value, CultureInfo.InvariantCulture) * StageChartPng.Scale, bitmap.Width);
        Assert.Equal(Math.Ceiling(float.Parse(svg.Attribute("height")!.Value, CultureInfo.InvariantCulture) * StageChartPng.Scale), bitmap.Height);

        // The name of each row, where the SVG puts it: dark ink pixels only come from drawn text.
        var names = svg.Descendants(Svg + "text").Where(t => StageNames.Contains(t.Value)).ToList();
        var inks = names.Select(t =>
        {
            int x = (int)(float.Parse(t.Attribute("x")!.Value, CultureInfo.InvariantCulture) * StageChartPng.Scale);
            int y = (int)(float.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture) * StageChartPng.Scale);
            return InkIn(bitmap, x, y - 22 * StageChartPng.Scale, 150 * StageChartPng.Scale, 26 * StageChartPng.Scale);
        }).ToList();
        Assert.Equal(5, inks.Count);
        Assert.All(inks, ink => Assert.True(ink.Count > 200, $"only {ink.Count} ink pixels in a label"));
        // Different names draw different shapes: missing glyphs (tofu boxes) would look alike.
        Assert.Equal(5, inks.Select(i => i.Signature).Distinct().Count());
        // 「人材」 (2 characters) needs less ink than 「経営者の認識」 (6).
        Assert.True(inks[3].Count < inks[1].Count);
    }

    [Theory]
    [InlineData("investment")]
    [InlineData("talent")]
    public void In_the_real_font_a_stage_name_and_its_state_never_touch(string primary)
    {
        if (CjkFont.Locate() is not { } font)
            return;   // the font check above reports a missing font
        using var typeface = font.OpenTypeface();
        var texts = Chart(primary).Shapes.OfType<ChartText>().ToList();
        foreach (var row in texts.Where(t => t.Stage is not null).GroupBy(t => t.Stage))
        {
            var name = row.Single(t => StageNames.Contains(t.Text));
            var status = row.Single(t => t.Anchor == TextAnchor.End);
            using var nameFont = new SKFont(typeface, name.Size) { Embolden = true };
            using var statusFont = new SKFont(typeface, status.Size) { Embolden = status.Bold };
            float nameEnd = name.X + nameFont.MeasureText(name.Text);
            float statusStart = status.X - statusFont.MeasureText(status.Text);
            Assert.True(statusStart - nameEnd >= 8, $"「{name.Text}」 ends at {nameEnd:0}, 「{status.Text}」 starts at {statusStart:0}");
        }
        foreach (var line in texts.Where(t => t.Stage is null))
        {
            using var lineFont = new SKFont(typeface, line.Size) { Embolden = line.Bold };
            Assert.True(line.X + lineFont.MeasureText(line.Text) <= StageChart.Width - 8, $"「{line.Text}」 runs off the picture");
        }
    }

    private static (int Count, string Signature) InkIn(SKBitmap bitmap, int x0, int y0, int width, int height)
    {
        var count = 0;
        var signature = new System.Text.StringBuilder();
        for (var y = Math.Max(0, y0); y < Math.Min(bitmap.Height, y0 + height); y++)
        {
            var row = 0;
            for (var x = x0; x < Math.Min(bitmap.Width, x0 + width); x++)
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
