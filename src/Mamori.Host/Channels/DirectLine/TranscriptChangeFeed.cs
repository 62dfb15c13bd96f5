using Mamori.Host.Channels.DirectLine.Storage;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// What other hosts store reaches this host's copies at once: a reply written on one host shows on the socket another
/// host holds, and a poll of either reads it. Nothing to do where only one host can write (the store's feed is empty).
/// </summary>
internal sealed class TranscriptChangeFeed(ConversationRegistry registry, IDirectLineStore store, ILogger<TranscriptChangeFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in store.WatchAsync(stoppingToken))
            {
                var held = change.ConversationId is { } id
                    ? registry.Held(id) is { } one ? [one] : []
                    : registry.AllHeld();
                foreach (var conversation in held)
                {
                    try
                    {
                        await conversation.CatchUpAsync(stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Read again on its next write or turn; the feed goes on for the others.
                        DirectLineLog.CatchUpFailed(logger, ex, conversation.Id);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }
}
