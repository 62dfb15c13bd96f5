using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The pictures' SQLite file, relative to the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/mamori-media.db";

    /// <summary>All pictures together stay under this many bytes; the oldest are deleted first.</summary>
    [Range(1L << 20, 1L << 40)]
    public long MaxTotalBytes { get; set; } = 256L * 1024 * 1024;
}
