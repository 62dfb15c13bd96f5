using System.IO.Compression;
using System.Text;

namespace Mamori.Cli.Teams;

/// <summary>The Teams app package: a zip with manifest.json and the two icons at its root, as Teams' upload expects.</summary>
internal static class TeamsAppPackage
{
    public const string ManifestFile = "manifest.json";

    public static void Write(TeamsAppTarget target, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestFile, Encoding.UTF8.GetBytes(TeamsManifest.Serialize(target)));
        Add(zip, TeamsManifest.ColorIconFile, TeamsIcons.Color());
        Add(zip, TeamsManifest.OutlineIconFile, TeamsIcons.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
