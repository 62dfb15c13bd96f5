using Mamori.Core.Storage;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Privacy;

/// <summary>
/// Keeps the privacy page's promise: state last saved more than <see cref="PrivacyOptions.StateRetention"/> ago is
/// deleted, at start and every six hours.
/// </summary>
internal sealed partial class StateRetention(IConversationStore store, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<StateRetention> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.StateRetention <= TimeSpan.Zero)
            return;
        try
        {
            await ForgetInactiveAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await ForgetInactiveAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    public async Task ForgetInactiveAsync(CancellationToken ct)
    {
        try
        {
            int removed = await store.ForgetInactiveAsync(clock.GetUtcNow() - options.Value.StateRetention, ct);
            if (removed > 0)
                Deleted(logger, removed, options.Value.StateRetention.TotalDays);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Deleted {Count} conversations and users inactive for more than {Days} days (Privacy:StateRetention).")]
    private static partial void Deleted(ILogger logger, int count, double days);

    [LoggerMessage(2, LogLevel.Error, "Deleting inactive conversations failed; it is tried again in six hours.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
