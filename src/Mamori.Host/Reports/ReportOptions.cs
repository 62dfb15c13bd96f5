using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>How long the signed report link the bot puts in the result card stays valid.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The reports' SQLite file, relative to the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/mamori-reports.db";

    /// <summary>Reports kept (the latest per conversation); the oldest are deleted first.</summary>
    [Range(1, 1_000_000)]
    public int MaxReports { get; set; } = 10_000;
}
