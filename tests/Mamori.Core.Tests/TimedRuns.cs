namespace Mamori.Core.Tests;

/// <summary>
/// Tests that time themselves run alone, after the others: side by side with the rest of the suite in one process, even
/// the process's CPU time counts the neighbours' work.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedRuns
{
    public const string Name = "Timed runs";
}
