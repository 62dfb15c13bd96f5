namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// On start, before the host listens: every conversation whose inbox holds turns accepted before the last stop (or
/// kill) is read back and its turns are answered, so a post that got 200 is never left unanswered.
/// </summary>
internal sealed class ConversationRecovery(
    ConversationRegistry registry, Storage.IDirectLineStore store, ConversationDriver driver, ILogger<ConversationRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingAsync(cancellationToken);
        foreach (string id in pending)
        {
            if (await registry.FindAsync(id, cancellationToken) is { } conversation)
                driver.Recover(conversation);
        }
        if (pending.Count > 0)
            DirectLineLog.TurnsRecovered(logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
