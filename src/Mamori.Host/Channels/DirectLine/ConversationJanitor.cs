namespace Mamori.Host.Channels.DirectLine;

/// <summary>Sweeps idle conversations once a minute so memory and the store stay bounded on a long-running host.</summary>
internal sealed class ConversationJanitor(ConversationRegistry registry, ILogger<ConversationJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                int removed = await registry.RemoveIdleAsync(stoppingToken);
                if (removed > 0)
                    DirectLineLog.IdleConversationsRemoved(logger, removed, registry.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }
}
