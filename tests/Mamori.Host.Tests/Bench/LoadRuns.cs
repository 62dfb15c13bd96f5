namespace Mamori.Host.Tests.Bench;

/// <summary>The load runs share one collection, so they run one after another: side by side they measured each other.</summary>
[CollectionDefinition(Name)]
public sealed class LoadRuns
{
    public const string Name = "Load runs";
}
