using Mamori.Core.Dialogs;
using Mamori.Knowledge.Answering;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mamori.Host.Health;

/// <summary>
/// Loads what the first user would otherwise wait for — the knowledge index (built from knowledge/ when missing or
/// stale) and the dialog engine's data — right after start, and reports ready on /healthz only when that is done.
/// </summary>
internal sealed class Readiness(IServiceProvider services, ILogger<Readiness> logger) : BackgroundService, IHealthCheck
{
    private volatile string? _failure;
    private volatile bool _ready;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public TimeSpan? TimeToReady { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Run off the start-up path so Kestrel is listening (and /healthz answers "not ready") meanwhile.
            await Task.Yield();
            if (services.GetService<KnowledgeBase>() is { } knowledge)
                await knowledge.GetRetrieverAsync(stoppingToken);
            services.GetService<DialogEngine>();
            TimeToReady = DateTimeOffset.UtcNow - _started;
            _ready = true;
            HealthLog.Ready(logger, TimeToReady.Value.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before ready.
        }
        catch (Exception ex)
        {
            _failure = $"{ex.GetType().Name}: {ex.Message}";
            HealthLog.NotReady(logger, ex);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            _ready ? HealthCheckResult.Healthy($"knowledge index and dialog loaded in {TimeToReady!.Value.TotalMilliseconds:F0} ms")
            : _failure is { } failure ? HealthCheckResult.Unhealthy($"start-up failed: {failure}")
            : HealthCheckResult.Unhealthy("loading the knowledge index"));
}

internal static partial class HealthLog
{
    [LoggerMessage(1, LogLevel.Information, "Ready: knowledge index and dialog data loaded in {Milliseconds:F0} ms.")]
    public static partial void Ready(ILogger logger, double milliseconds);

    [LoggerMessage(2, LogLevel.Error, "Start-up loading failed; /healthz reports unhealthy.")]
    public static partial void NotReady(ILogger logger, Exception exception);
}
