using System.IO.Compression;
using System.Text.Json.Nodes;
using Mamori.Cli.Commands;
using Mamori.Cli.Teams;
using SkiaSharp;

namespace Mamori.Cli.Tests.Teams;

/// <summary>`mamori teams-package`: the zip Teams uploads, its manifest checked against Microsoft's schema, and bad input.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-teams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Err, string Zip) Run(string? appId = AppId, string? host = "https://mamori.example.jp")
    {
        var zip = Path.Combine(_folder, TeamsPackageCommand.DefaultOutput);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = TeamsPackageCommand.Run(appId, host, zip, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString(), zip);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is missing from the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void The_package_holds_the_manifest_and_both_icons_at_its_root()
    {
        var (exit, output, error, path) = Run();

        Assert.True(exit == 0, error);
        Assert.Contains(path, output);
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_manifest_conforms_to_the_Teams_schema_and_names_the_bot_and_host()
    {
        var (exit, _, error, path) = Run(AppId.ToUpperInvariant(), "https://Mamori.Example.jp/");
        Assert.True(exit == 0, error);
        using var zip = ZipFile.OpenRead(path);
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;

        Assert.Empty(TeamsManifestSchema.Errors(manifest));
        Assert.Equal(TeamsManifest.SchemaVersion, (string?)manifest["manifestVersion"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        var bot = manifest["bots"]![0]!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["mamori.example.jp"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("https://mamori.example.jp/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Equal("https://mamori.example.jp/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("まもり", (string?)manifest["name"]!["short"]);
        Assert.Equal("ja-jp", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
    }

    [Fact]
    public void The_icons_are_a_192_pixel_colour_square_and_a_32_pixel_white_outline_on_transparency()
    {
        var (exit, _, error, path) = Run();
        Assert.True(exit == 0, error);
        using var zip = ZipFile.OpenRead(path);

        using var color = SKBitmap.Decode(Read(zip, "color.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal(SKColor.Parse(TeamsManifest.AccentColor), color.GetPixel(96, 20));   // the background above the shield
        Assert.Equal(SKColors.White, color.GetPixel(96, 60));                             // the shield

        using var outline = SKBitmap.Decode(Read(zip, "outline.png"));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = outline.Pixels;
        Assert.Contains(pixels, p => p.Alpha == 0);
        Assert.Contains(pixels, p => p.Alpha == 255);
        Assert.All(pixels.Where(p => p.Alpha > 0), p => Assert.Equal((255, 255, 255), (p.Red, p.Green, p.Blue)));
    }

    [Theory]
    [InlineData("bots[0].botId missing", "/bots/0: required")]
    [InlineData("id not a GUID", "/id: pattern")]
    [InlineData("accentColor not a colour", "/accentColor: pattern")]
    [InlineData("$schema not a URI", "/$schema: format")]
    [InlineData("another manifestVersion", "/manifestVersion: const")]
    public void The_schema_check_fails_a_broken_manifest_where_it_breaks(string breakage, string failure)
    {
        var manifest = TeamsManifest.Build(new TeamsAppTarget(Guid.Parse(AppId), new Uri("https://mamori.example.jp/")));
        switch (breakage)
        {
            case "bots[0].botId missing": manifest["bots"]![0]!.AsObject().Remove("botId"); break;
            case "id not a GUID": manifest["id"] = "mamori"; break;
            case "accentColor not a colour": manifest["accentColor"] = "blue"; break;
            case "$schema not a URI": manifest["$schema"] = "not a uri"; break;
            case "another manifestVersion": manifest["manifestVersion"] = "1.28"; break;
        }

        Assert.Contains(TeamsManifestSchema.Errors(manifest), error => error.StartsWith(failure, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "https://mamori.example.jp", "--app-id")]
    [InlineData("mamori-bot", "https://mamori.example.jp", "--app-id")]
    [InlineData(AppId, null, "--host")]
    [InlineData(AppId, "mamori.example.jp", "--host")]
    [InlineData(AppId, "http://mamori.example.jp", "https")]
    [InlineData(AppId, "https://mamori.example.jp/api/messages", "no path")]
    [InlineData(AppId, "https://mamori.example.jp/?tenant=a", "no path")]
    public void Bad_input_exits_2_with_a_message_and_writes_nothing(string? appId, string? host, string said)
    {
        var (exit, output, error, path) = Run(appId, host);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("teams-package: ", error);
        Assert.Contains(said, error);
        Assert.DoesNotContain("   at ", error);   // a message, not a stack trace
        Assert.False(File.Exists(path));
    }
}
