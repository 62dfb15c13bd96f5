using Mamori.Host.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// Turns accepted and never answered are answered: on start, before the host listens, every conversation whose inbox
/// holds turns from before the last stop (or kill); and then every third of the pump lease, those that no live host is
/// answering — with several hosts, the turns of one that was killed.
/// </summary>
internal sealed class ConversationRecovery(
    ConversationRegistry registry, IDirectLineStore store, ConversationDriver driver, IOptions<DirectLineOptions> options,
    ILogger<ConversationRecovery> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        int recovered = await SweepAsync(cancellationToken);
        if (recovered > 0)
            DirectLineLog.TurnsRecovered(logger, recovered);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PumpLease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    int recovered = await SweepAsync(stoppingToken);
                    if (recovered > 0)
                        DirectLineLog.TurnsRecovered(logger, recovered);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The store is away for now: the next sweep tries again.
                    DirectLineLog.SweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task<int> SweepAsync(CancellationToken ct)
    {
        var pending = await store.PendingAsync(ct);
        foreach (string id in pending)
        {
            if (await registry.FindAsync(id, ct) is { } conversation)
                driver.Pump(conversation);
        }
        return pending.Count;
    }
}
