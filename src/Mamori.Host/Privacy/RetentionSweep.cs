namespace Mamori.Host.Privacy;

/// <summary>
/// A retention promise kept in the background: what is older than the period is deleted at start and every six hours.
/// A failed sweep is logged and tried again at the next tick; it never stops the host.
/// </summary>
internal abstract class RetentionSweep(TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>False: nothing is deleted (a retention of zero means "keep").</summary>
    protected virtual bool Enabled => true;

    /// <summary>Deletes what is older than the period; returns how many records went.</summary>
    protected abstract Task<int> DeleteOlderAsync(DateTimeOffset now, CancellationToken ct);

    protected abstract void LogDeleted(int count);

    protected abstract void LogFailed(Exception exception);

    public async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            int removed = await DeleteOlderAsync(clock.GetUtcNow(), ct);
            if (removed > 0)
                LogDeleted(removed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
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
}
