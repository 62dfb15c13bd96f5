using Mamori.Host.Reports;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Privacy;

/// <summary>A printed result holds the company's answers: it is kept no longer than the answers themselves (<see cref="PrivacyOptions.StateRetention"/>).</summary>
internal sealed partial class ReportRetention(IReportSnapshots reports, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<ReportRetention> logger)
    : RetentionSweep(clock)
{
    protected override bool Enabled => options.Value.StateRetention > TimeSpan.Zero;

    protected override Task<int> DeleteOlderAsync(DateTimeOffset now, CancellationToken ct) =>
        reports.DeleteBeforeAsync(now - options.Value.StateRetention, ct);

    protected override void LogDeleted(int count) => Deleted(logger, count, options.Value.StateRetention.TotalDays);

    protected override void LogFailed(Exception exception) => Failed(logger, exception);

    [LoggerMessage(5, LogLevel.Information, "Deleted {Count} report snapshots older than {Days} days (Privacy:StateRetention).")]
    private static partial void Deleted(ILogger logger, int count, double days);

    [LoggerMessage(6, LogLevel.Error, "Deleting old report snapshots failed; it is tried again in six hours.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
