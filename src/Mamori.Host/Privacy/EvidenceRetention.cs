using Mamori.Core.Evidence;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Privacy;

/// <summary>
/// Keeps the statistics no longer than <see cref="EvidenceOptions.Retention"/>: diagnoses recorded before that, with
/// what followed them, are deleted at start and every six hours.
/// </summary>
internal sealed partial class EvidenceRetention(IEvidenceStore store, IOptions<EvidenceOptions> options, TimeProvider clock, ILogger<EvidenceRetention> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SweepAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            int removed = await store.DeleteBeforeAsync(clock.GetUtcNow() - options.Value.Retention, ct);
            if (removed > 0)
                Deleted(logger, removed, options.Value.Retention.TotalDays);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex);
        }
    }

    [LoggerMessage(3, LogLevel.Information, "Deleted {Count} anonymised diagnoses older than {Days} days (Mamori:Evidence:Retention).")]
    private static partial void Deleted(ILogger logger, int count, double days);

    [LoggerMessage(4, LogLevel.Error, "Deleting old anonymised diagnoses failed; it is tried again in six hours.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
