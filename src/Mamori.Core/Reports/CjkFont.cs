using SkiaSharp;

namespace Mamori.Core.Reports;

/// <summary>
/// The Japanese font the PNG picture needs: a declared, checked dependency. Without one, Skia would draw empty boxes (豆腐),
/// so the PNG is left out and channels fall back to the SVG. Debian/Ubuntu: <c>apt-get install fonts-noto-cjk</c>.
/// </summary>
public sealed record CjkFont(string Path, int Index)
{
    /// <summary>Set to a .ttc/.otf/.ttf file to use a particular font.</summary>
    public const string EnvironmentVariable = "MAMORI_CJK_FONT";

    public const string MissingMessage =
        "No Japanese (CJK) font found, so the diagnosis picture is sent as SVG only. " +
        "Install fonts-noto-cjk (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set MAMORI_CJK_FONT to a font file.";

    // Index 0 of the Noto CJK collections is the Japanese face (JP), which has the Japanese glyph shapes.
    private static readonly (string Path, int Index)[] Candidates =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0),
        ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 0),
        ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 0),
        ("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0),
        ("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf", 0),
        ("/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", 0),
        (@"C:\Windows\Fonts\YuGothM.ttc", 0),
        (@"C:\Windows\Fonts\meiryo.ttc", 0),
    ];

    /// <summary>The text every candidate must be able to draw: the stage names' hardest characters.</summary>
    internal const string Probe = "経営者の認識投資予算化人材十分な対策動機付け";

    /// <summary>The first installed font that has Japanese glyphs, or null (see <see cref="MissingMessage"/>).</summary>
    public static CjkFont? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var candidates = string.IsNullOrWhiteSpace(fromEnvironment) ? Candidates : [(fromEnvironment, 0), .. Candidates];
        foreach (var (path, index) in candidates)
        {
            if (Check(path, index) is { } font)
                return font;
        }
        return null;
    }

    /// <summary>The font at <paramref name="path"/> if it exists and draws Japanese; null otherwise (never throws).</summary>
    public static CjkFont? Check(string path, int index = 0) =>
        File.Exists(path) && CanDraw(path, index) ? new CjkFont(path, index) : null;

    public SKTypeface OpenTypeface() =>
        SKTypeface.FromFile(Path, Index) ?? throw new InvalidOperationException($"Could not open the font {Path} (face {Index}).");

    private static bool CanDraw(string path, int index)
    {
        using var typeface = SKTypeface.FromFile(path, index);
        if (typeface is null)
            return false;
        using var font = new SKFont(typeface, 12);
        return font.GetGlyphs(Probe).All(g => g != 0);
    }
}
