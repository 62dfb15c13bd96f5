namespace Mamori.Host.Observability;

/// <summary>Where traces and metrics go. Unset: they are still measured (dotnet-counters can read them) but not exported.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>An OTLP/HTTP receiver (an OpenTelemetry Collector, e.g. http://collector:4318/); /v1/traces and /v1/metrics are appended.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often metrics are sent.</summary>
    public TimeSpan MetricInterval { get; set; } = TimeSpan.FromSeconds(30);
}
