using System.Globalization;
using System.Security;
using System.Text;
using Mamori.Core.Classification;
using Mamori.Core.Domain;

namespace Mamori.Core.Reports;

/// <summary>
/// The picture of the five stages, phone first: one row per stage from top to bottom, each with its state, blocked
/// stages in orange, the primary barrier outlined and named, the company's step underneath. Narrow on purpose: a chat
/// shows a picture at the width of a bubble (about 270 px on a 360 px phone), so at that width every text is still
/// about 15 px. One list of <see cref="ChartShape"/>s, drawn twice: as SVG here and as PNG by <see cref="StageChartPng"/>,
/// so both always show the same thing.
/// </summary>
public sealed class StageChart
{
    public const int Width = 360;

    /// <summary>The smallest text in the picture, in picture units: what the phone-width guarantee rests on.</summary>
    public const float SmallestText = 20;

    internal const float Pad = 14, RowHeight = 50, RowGap = 14, TitleSize = 21, NameSize = 22, StatusSize = SmallestText, StepSize = SmallestText;
    private const float TitleBaseline = 34, FirstRow = 52, LineHeight = 28;

    internal const string Background = "#FFFFFF", Ink = "#1F2933", Clear = "#E3F2E8", ClearEdge = "#3F7D52",
        Blocked = "#FDE2C8", BlockedEdge = "#D9822B", Primary = "#B93A0A", Muted = "#7B8794";

    private StageChart(IReadOnlyList<ChartShape> shapes, float height, string altText)
    {
        Shapes = shapes;
        Height = height;
        AltText = altText;
    }

    /// <summary>What a screen reader says, and the page's alt text and caption.</summary>
    public string AltText { get; }

    public float Height { get; }

    internal IReadOnlyList<ChartShape> Shapes { get; }

    /// <summary>Every text drawn, for tests and for the alt text check.</summary>
    public IEnumerable<string> Texts => Shapes.OfType<ChartText>().Select(t => t.Text);

    public static StageChart For(DiagnosisResult result, ReportTexts texts)
    {
        var shapes = new List<ChartShape>
        {
            new ChartText(null, texts["chartTitle"], Pad, TitleBaseline, TitleSize, true, Ink, TextAnchor.Start),
        };
        var right = Width - Pad;
        for (var i = 0; i < result.Barriers.Count; i++)
        {
            var b = result.Barriers[i];
            var primary = b.Stage == result.PrimaryBarrier;
            var top = FirstRow + i * (RowHeight + RowGap);
            var baseline = top + RowHeight / 2 + NameSize * 0.36f;
            shapes.Add(new ChartBox(b.Stage, b.Blocked, primary, Pad, top, right - Pad, RowHeight,
                b.Blocked ? Blocked : Clear, primary ? Primary : b.Blocked ? BlockedEdge : ClearEdge, primary ? 4 : 2));
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            shapes.Add(new ChartText(b.Stage, number, Pad + 17, baseline, NameSize, true, Muted, TextAnchor.Middle));
            shapes.Add(new ChartText(b.Stage, texts.StageName(b.Stage), Pad + 34, baseline, NameSize, true, Ink, TextAnchor.Start));
            // The primary barrier says so in place of 「つまずき」: the row is already orange, and one word fits a phone.
            var status = primary ? texts["chartPrimary"] : b.Blocked ? texts["chartBlocked"] : texts["chartClear"];
            shapes.Add(new ChartText(b.Stage, status, right - 10, baseline, StatusSize, primary, b.Blocked ? Primary : ClearEdge, TextAnchor.End));
            if (i > 0)
                shapes.Add(new ChartArrow(Pad + 17, top - RowGap + 3, RowGap - 6));   // the path runs top to bottom
        }

        var stepLine = texts.Format("step", ("step", result.MaturityStep.ToString(CultureInfo.InvariantCulture)), ("name", texts.Steps[result.MaturityStep].Name));
        var y = FirstRow + result.Barriers.Count * (RowHeight + RowGap) + 16;
        foreach (var line in Wrap(stepLine, StepSize, Width - 2 * Pad))
        {
            shapes.Add(new ChartText(null, line, Pad, y, StepSize, true, Ink, TextAnchor.Start));
            y += LineHeight;
        }

        var blockedNames = result.BlockedStages.Select(texts.StageName).ToList();
        var alt = result.PrimaryBarrier is { } p
            ? texts.Format("chartAltBlocked", ("stages", string.Join(texts["separator"], blockedNames)), ("primary", texts.StageName(p)))
            : texts["chartAltNone"];
        return new StageChart(shapes, y - LineHeight + 18, alt + stepLine);
    }

    /// <summary>Self-contained SVG (no external fonts or images); Japanese text is left to the viewer's fonts.</summary>
    /// <remarks>Built once per chart: it is also the key under which the PNG of the same picture is kept.</remarks>
    public string ToSvg() => _svg ??= BuildSvg();

    private string? _svg;

    private string BuildSvg()
    {
        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(AltText)}\">\n"));
        sb.Append(Invariant($"<title>{Escape(AltText)}</title>\n"));
        sb.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"{Background}\"/>\n"));
        sb.Append("<g font-family=\"'Noto Sans CJK JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif\">\n");
        Stage? open = null;
        foreach (var shape in Shapes)
        {
            if (shape is ChartBox box)
            {
                if (open is not null)
                    sb.Append("</g>\n");
                open = box.Stage;
                sb.Append(Invariant($"<g class=\"stage {(box.Blocked ? "blocked" : "clear")}{(box.Primary ? " primary" : "")}\" data-stage=\"{box.Stage.Code()}\">\n"));
                sb.Append(Invariant($"  <rect x=\"{box.X}\" y=\"{box.Y}\" width=\"{box.Width}\" height=\"{box.Height}\" rx=\"{ChartBox.Radius}\" fill=\"{box.Fill}\" stroke=\"{box.Edge}\" stroke-width=\"{box.EdgeWidth}\"/>\n"));
            }
            else if (shape is ChartText text)
            {
                if (text.Stage is null && open is not null)
                {
                    sb.Append("</g>\n");
                    open = null;
                }
                var anchor = text.Anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
                sb.Append(Invariant($"  <text x=\"{text.X}\" y=\"{text.Y}\" font-size=\"{text.Size}\"{(text.Bold ? " font-weight=\"bold\"" : "")} text-anchor=\"{anchor}\" fill=\"{text.Color}\">{Escape(text.Text)}</text>\n"));
            }
            else if (shape is ChartArrow arrow)
            {
                sb.Append(Invariant($"  <path d=\"M{arrow.X - 7} {arrow.Y} h14 l-7 {arrow.Length} z\" fill=\"{Muted}\"/>\n"));
            }
        }
        if (open is not null)
            sb.Append("</g>\n");
        sb.Append("</g>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>
    /// Lines that fit <paramref name="width"/>, broken after 「：」 or 「、」 where possible. Widths are estimated (a
    /// Japanese character is one em, anything else about half), which is safe for the short lines of this picture.
    /// </summary>
    internal static IEnumerable<string> Wrap(string text, float size, float width)
    {
        var rest = text;
        while (Measure(rest, size) > width)
        {
            var fit = 1;
            while (fit < rest.Length && Measure(rest[..(fit + 1)], size) <= width)
                fit++;
            var soft = rest[..fit].LastIndexOfAny(['：', '、', '。']);
            var cut = soft > 0 ? soft + 1 : fit;
            yield return rest[..cut];
            rest = rest[cut..];
        }
        if (rest.Length > 0)
            yield return rest;
    }

    private static float Measure(string text, float size) => text.Sum(c => c < 0x2E80 ? 0.6f : 1f) * size;

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

internal enum TextAnchor { Start, Middle, End }

/// <summary>One thing the picture draws, in picture units (<see cref="StageChart.Width"/> wide).</summary>
internal abstract record ChartShape;

/// <summary>A stage's row; the texts after it with the same stage belong to it.</summary>
internal sealed record ChartBox(Stage Stage, bool Blocked, bool Primary, float X, float Y, float Width, float Height, string Fill, string Edge, float EdgeWidth) : ChartShape
{
    public const float Radius = 10;
}

/// <param name="Y">The baseline.</param>
internal sealed record ChartText(Stage? Stage, string Text, float X, float Y, float Size, bool Bold, string Color, TextAnchor Anchor) : ChartShape;

/// <summary>A small downward triangle between two rows, its top edge at <paramref name="Y"/>.</summary>
internal sealed record ChartArrow(float X, float Y, float Length) : ChartShape;
