using Mamori.Core.Answering;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mamori.Host.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// OpenTelemetry traces (ASP.NET Core, HttpClient, Npgsql's source; no conversation or user ids, see
    /// <see cref="TracePaths"/>) and metrics (the same, plus Mamori's own meters),
    /// exported over OTLP/HTTP when <see cref="ObservabilityOptions.OtlpEndpoint"/> is set. Call after AddBot: the
    /// knowledge answerer it registered is wrapped to be measured.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint.TrimEnd('/') + "/", UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            throw new InvalidOperationException($"{ObservabilityOptions.Section}:OtlpEndpoint: '{options.OtlpEndpoint}' is not an http(s) URL such as http://collector:4318/.");
        if (options.MetricInterval < TimeSpan.FromMilliseconds(100))
            throw new InvalidOperationException($"{ObservabilityOptions.Section}:MetricInterval: use at least 00:00:00.1.");

        services.AddSingleton<MamoriMetrics>();
        Decorate<IQuestionAnswerer>(services, (sp, inner) => new MeasuredAnswerer(inner, sp.GetRequiredService<MamoriMetrics>()));

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("mamori"));
        telemetry.WithTracing(tracing =>
        {
            tracing.AddAspNetCoreInstrumentation(o =>
                {
                    o.EnrichWithHttpRequest = TracePaths.RedactRequest;
                    o.EnrichWithHttpResponse = TracePaths.UseRoute;
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = TracePaths.RedactIds)
                .AddSource("Npgsql");
            if (endpoint is not null)
                tracing.AddOtlpExporter(o => Otlp(o, endpoint, "v1/traces"));
        });
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(MamoriMetrics.MeterName, "Mamori.Line");
            if (endpoint is not null)
            {
                metrics.AddOtlpExporter((o, reader) =>
                {
                    Otlp(o, endpoint, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricInterval.TotalMilliseconds;
                });
            }
        });
        return services;
    }

    private static void Otlp(OtlpExporterOptions o, Uri endpoint, string path)
    {
        o.Protocol = OtlpExportProtocol.HttpProtobuf;
        o.Endpoint = new Uri(endpoint, path);
    }

    // The one registration of T is replaced by a wrapper around it, built the same way it was.
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T));
        if (registered is null)
            return;
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => wrap(sp, Build<T>(sp, registered)), registered.Lifetime));
    }

    private static T Build<T>(IServiceProvider sp, ServiceDescriptor d) where T : class =>
        (T)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
