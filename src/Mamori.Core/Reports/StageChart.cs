using System.Globalization;
using System.Security;
using System.Text;
using Mamori.Core.Classification;
using Mamori.Core.Domain;

namespace Mamori.Core.Reports;

/// <summary>
/// The picture of the five stages: one box per stage along the path, blocked stages in orange, the primary barrier
/// outlined and marked, the company's step underneath. One layout, drawn twice: as SVG text here, as PNG by
/// <see cref="StageChartPng"/>, so both always show the same thing.
/// </summary>
public sealed class StageChart
{
    public const int Width = 940;
    public const int Height = 260;

    internal const float BoxWidth = 160, BoxHeight = 84, Gap = 25, Left = 20, BoxTop = 64;

    internal const string Background = "#FFFFFF", Ink = "#1F2933", Clear = "#E3F2E8", ClearEdge = "#5B9A6E",
        Blocked = "#FDE2C8", BlockedEdge = "#D9822B", Primary = "#C2410C", Muted = "#52606D";

    private StageChart(string title, IReadOnlyList<StageBox> boxes, string stepLine, string primaryLabel, string altText)
    {
        Title = title;
        Boxes = boxes;
        StepLine = stepLine;
        PrimaryLabel = primaryLabel;
        AltText = altText;
    }

    public string Title { get; }
    internal IReadOnlyList<StageBox> Boxes { get; }
    public string StepLine { get; }
    public string PrimaryLabel { get; }
    public string AltText { get; }

    public static StageChart For(DiagnosisResult result, ReportTexts texts)
    {
        var boxes = result.Barriers.Select((b, i) => new StageBox(
            b.Stage,
            texts.StageName(b.Stage),
            b.Blocked ? texts["chartBlocked"] : texts["chartClear"],
            b.Blocked,
            b.Stage == result.PrimaryBarrier,
            Left + i * (BoxWidth + Gap))).ToList();
        var blockedNames = result.BlockedStages.Select(texts.StageName).ToList();
        var alt = result.PrimaryBarrier is { } primary
            ? texts.Format("chartAltBlocked", ("stages", string.Join(texts["separator"], blockedNames)), ("primary", texts.StageName(primary)))
            : texts["chartAltNone"];
        var step = texts.Steps[result.MaturityStep];
        return new StageChart(texts["chartTitle"], boxes,
            texts.Format("step", ("step", result.MaturityStep.ToString(CultureInfo.InvariantCulture)), ("name", step.Name)),
            texts["chartPrimary"], alt);
    }

    /// <summary>Self-contained SVG (no external fonts or images); Japanese text is left to the viewer's fonts.</summary>
    public string ToSvg()
    {
        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(AltText)}\">\n"));
        sb.Append(Invariant($"<title>{Escape(AltText)}</title>\n"));
        sb.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"{Background}\"/>\n"));
        sb.Append("<g font-family=\"'Noto Sans CJK JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif\">\n");
        sb.Append(Invariant($"<text x=\"{Left}\" y=\"36\" font-size=\"22\" font-weight=\"bold\" fill=\"{Ink}\">{Escape(Title)}</text>\n"));
        foreach (var box in Boxes)
        {
            var fill = box.Blocked ? Blocked : Clear;
            var edge = box.Primary ? Primary : box.Blocked ? BlockedEdge : ClearEdge;
            var stroke = box.Primary ? 5 : 2;
            var cx = box.X + BoxWidth / 2;
            sb.Append(Invariant($"<g class=\"stage {(box.Blocked ? "blocked" : "clear")}{(box.Primary ? " primary" : "")}\" data-stage=\"{box.Stage.Code()}\">\n"));
            sb.Append(Invariant($"  <rect x=\"{box.X}\" y=\"{BoxTop}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"10\" fill=\"{fill}\" stroke=\"{edge}\" stroke-width=\"{stroke}\"/>\n"));
            sb.Append(Invariant($"  <text x=\"{cx}\" y=\"{BoxTop + 36}\" font-size=\"{NameSize(box.Name)}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(box.Name)}</text>\n"));
            sb.Append(Invariant($"  <text x=\"{cx}\" y=\"{BoxTop + 66}\" font-size=\"16\" text-anchor=\"middle\" fill=\"{(box.Blocked ? Primary : ClearEdge)}\">{Escape(box.Status)}</text>\n"));
            if (box.Primary)
            {
                sb.Append(Invariant($"  <path d=\"M{cx} {BoxTop + BoxHeight + 8} l-10 16 h20 z\" fill=\"{Primary}\"/>\n"));
                sb.Append(Invariant($"  <text x=\"{cx}\" y=\"{BoxTop + BoxHeight + 48}\" font-size=\"18\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{Primary}\">{Escape(PrimaryLabel)}</text>\n"));
            }
            sb.Append("</g>\n");
        }
        foreach (var box in Boxes.Skip(1))
        {
            // An arrow between neighbouring boxes: the path runs left to right.
            var x = box.X - Gap + 4;
            var y = BoxTop + BoxHeight / 2;
            sb.Append(Invariant($"<path d=\"M{x} {y - 8} l{Gap - 10} 8 l-{Gap - 10} 8 z\" fill=\"{Muted}\"/>\n"));
        }
        sb.Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 18}\" font-size=\"18\" fill=\"{Ink}\">{Escape(StepLine)}</text>\n"));
        sb.Append("</g>\n</svg>\n");
        return sb.ToString();
    }

    // 「投資（予算化）」 is seven characters: a smaller size keeps long names inside their box.
    internal static float NameSize(string name) => name.Length <= 5 ? 22 : 19;

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

internal sealed record StageBox(Stage Stage, string Name, string Status, bool Blocked, bool Primary, float X);
