using Mamori.Core.Evidence;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Privacy;

/// <summary>Keeps the statistics no longer than <see cref="EvidenceOptions.Retention"/>: older diagnoses go, with what followed them.</summary>
internal sealed partial class EvidenceRetention(IEvidenceStore store, IOptions<EvidenceOptions> options, TimeProvider clock, ILogger<EvidenceRetention> logger)
    : RetentionSweep(clock)
{
    protected override Task<int> DeleteOlderAsync(DateTimeOffset now, CancellationToken ct) =>
        store.DeleteBeforeAsync(now - options.Value.Retention, ct);

    protected override void LogDeleted(int count) => Deleted(logger, count, options.Value.Retention.TotalDays);

    protected override void LogFailed(Exception exception) => Failed(logger, exception);

    [LoggerMessage(3, LogLevel.Information, "Deleted {Count} recorded diagnoses (dashboard evidence) older than {Days} days (Mamori:Evidence:Retention).")]
    private static partial void Deleted(ILogger logger, int count, double days);

    [LoggerMessage(4, LogLevel.Error, "Deleting old dashboard evidence failed; it is tried again in six hours.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
