using Mamori.Core.Storage;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Privacy;

/// <summary>Keeps the privacy page's promise: state last saved more than <see cref="PrivacyOptions.StateRetention"/> ago is deleted.</summary>
internal sealed partial class StateRetention(IConversationStore store, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<StateRetention> logger)
    : RetentionSweep(clock)
{
    protected override bool Enabled => options.Value.StateRetention > TimeSpan.Zero;

    protected override Task<int> DeleteOlderAsync(DateTimeOffset now, CancellationToken ct) =>
        store.ForgetInactiveAsync(now - options.Value.StateRetention, ct);

    protected override void LogDeleted(int count) => Deleted(logger, count, options.Value.StateRetention.TotalDays);

    protected override void LogFailed(Exception exception) => Failed(logger, exception);

    [LoggerMessage(1, LogLevel.Information, "Deleted {Count} conversations and users inactive for more than {Days} days (Privacy:StateRetention).")]
    private static partial void Deleted(ILogger logger, int count, double days);

    [LoggerMessage(2, LogLevel.Error, "Deleting inactive conversations failed; it is tried again in six hours.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
