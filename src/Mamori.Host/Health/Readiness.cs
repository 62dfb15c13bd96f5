using System.Diagnostics;
using Mamori.Core.Dialogs;
using Mamori.Knowledge.Answering;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mamori.Host.Health;

/// <summary>
/// Loads what the first user would otherwise wait for — the knowledge index (built from knowledge/ when missing or
/// stale) and the dialog engine's data — right after start. /healthz says "Degraded" with the reason while that runs
/// (warming up is normal, not a failure), "Healthy" when done and "Unhealthy" only when loading failed.
/// </summary>
internal sealed class Readiness(IServiceProvider services, ILogger<Readiness> logger) : BackgroundService, IHealthCheck
{
    private volatile string? _failure;
    private volatile bool _ready;

    public TimeSpan? TimeToReady { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        HealthLog.Loading(logger);
        try
        {
            // Off the start-up path so Kestrel is listening (and /healthz answers "warming up") meanwhile. Building the
            // index cannot be interrupted, so stopping does not wait for it: Ctrl+C must not hang on a first start.
            await Task.Run(async () =>
            {
                if (services.GetService<KnowledgeBase>() is { } knowledge)
                    await knowledge.GetRetrieverAsync(stoppingToken);
                services.GetService<DialogEngine>();
            }, stoppingToken).WaitAsync(stoppingToken);
            TimeToReady = clock.Elapsed;
            _ready = true;
            HealthLog.Ready(logger, TimeToReady.Value.TotalSeconds);
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
            : HealthCheckResult.Degraded("warming up: loading the knowledge index and the dialog data"));
}

internal static partial class HealthLog
{
    [LoggerMessage(3, LogLevel.Information,
        "Loading the knowledge index and the dialog data: the first start builds the index from knowledge/docs into data/ (a few seconds), later starts read it. /healthz answers 503 until then.")]
    public static partial void Loading(ILogger logger);

    [LoggerMessage(1, LogLevel.Information, "Ready after {Seconds:F1} s: knowledge index and dialog data loaded.")]
    public static partial void Ready(ILogger logger, double seconds);

    [LoggerMessage(2, LogLevel.Error, "Start-up loading failed; /healthz reports unhealthy.")]
    public static partial void NotReady(ILogger logger, Exception exception);
}
