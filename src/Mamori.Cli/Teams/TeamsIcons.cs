using SkiaSharp;

namespace Mamori.Cli.Teams;

/// <summary>
/// The two icons of the Teams app, drawn with SkiaSharp as the report pictures are: the favicon's shield with a tick.
/// Colour: a white shield on an accent-blue rounded square, 192×192. Outline: the shield in white lines on transparency,
/// 32×32, as Teams asks for the icon it tints in its app bar.
/// </summary>
internal static class TeamsIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    // The shield and tick of src/Mamori.Host/wwwroot/favicon.svg, in its 32×32 view box.
    private const string Shield = "M16 1.5 3.5 6v8.5c0 7.6 5.2 13.7 12.5 16 7.3-2.3 12.5-8.4 12.5-16V6z";
    private const string Tick = "m10 16 4.2 4.2L22.5 11.8";
    private const float ViewBox = 32;

    public static byte[] Color() => Draw(ColorSize, (canvas, paint) =>
    {
        var accent = SKColor.Parse(TeamsManifest.AccentColor);
        paint.Color = accent;
        canvas.DrawRoundRect(SKRect.Create(ColorSize, ColorSize), 36, 36, paint);

        // Teams keeps the mark inside the middle 120×120 px of the colour icon.
        canvas.Translate((ColorSize - 120) / 2f, (ColorSize - 120) / 2f);
        canvas.Scale(120 / ViewBox);
        paint.Color = SKColors.White;
        using (var shield = SKPath.ParseSvgPathData(Shield))
            canvas.DrawPath(shield, paint);
        paint.Color = accent;
        DrawTick(canvas, paint, strokeWidth: 3);
    });

    public static byte[] Outline() => Draw(OutlineSize, (canvas, paint) =>
    {
        // Inset by a pixel so the outline's stroke is not clipped at the edges.
        canvas.Translate(1, 1);
        canvas.Scale((OutlineSize - 2) / ViewBox);
        paint.Color = SKColors.White;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 2.2f;
        paint.StrokeJoin = SKStrokeJoin.Round;
        using (var shield = SKPath.ParseSvgPathData(Shield))
            canvas.DrawPath(shield, paint);
        DrawTick(canvas, paint, strokeWidth: 2.6f);
    });

    private static void DrawTick(SKCanvas canvas, SKPaint paint, float strokeWidth)
    {
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = strokeWidth;
        paint.StrokeCap = SKStrokeCap.Round;
        paint.StrokeJoin = SKStrokeJoin.Round;
        using var tick = SKPath.ParseSvgPathData(Tick);
        canvas.DrawPath(tick, paint);
    }

    private static byte[] Draw(int size, Action<SKCanvas, SKPaint> draw)
    {
        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        draw(surface.Canvas, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("Skia could not encode the PNG.");
        return data.ToArray();
    }
}
