using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// Push messages cost the chamber's LINE account part of its monthly message quota (replies are free), so each one is
/// counted per tenant: in the log, and as the metric mamori.line.pushes for whoever watches the host.
/// </summary>
public sealed class LinePushCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Meter _meter;
    private readonly Counter<long> _pushes;

    public LinePushCounter(IMeterFactory meters)
    {
        _meter = meters.Create("Mamori.Line");
        _pushes = _meter.CreateCounter<long>("mamori.line.pushes", unit: "{request}", description: "Push requests sent to LINE; each counts against the account's monthly message quota.");
    }

    /// <summary>Counts one push request and returns the tenant's total since the host started.</summary>
    public long Add(string tenantId)
    {
        _pushes.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));
        return _counts.AddOrUpdate(tenantId, 1, static (_, count) => count + 1);
    }

    public long CountFor(string tenantId) => _counts.GetValueOrDefault(tenantId);

    public void Dispose() => _meter.Dispose();
}
