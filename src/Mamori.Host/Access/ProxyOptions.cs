using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mamori.Host.Access;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Every per-address limit (token mints,
/// sign-ins, Direct Line posts) keys on the client address, so it must be the visitor's, not the proxy's — and never one
/// a visitor wrote into the header themselves. Empty (the default): no forwarded header is read at all.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Access:Proxies";

    /// <summary>Addresses of the proxies in front of the host, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    internal IEnumerable<string> Errors()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return $"{Section}:KnownProxies: '{proxy}' is not an IP address.";
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return $"{Section}:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/24).";
    }

    /// <summary>
    /// Applied after everything else configured ForwardedHeadersOptions, ASPNETCORE_FORWARDEDHEADERS_ENABLED included:
    /// that switch clears the known proxies and so trusts any sender; here only the listed ones count, or only loopback.
    /// </summary>
    internal void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;   // the address the nearest trusted proxy saw; anything a client added before it is ignored
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        if (!Any)
        {
            options.KnownProxies.Add(IPAddress.Loopback);
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        }
    }
}
