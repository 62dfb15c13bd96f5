namespace Mamori.Host.Tests.Bench;

/// <summary>A load run: minutes of CPU on a shared machine, so it runs only when asked (MAMORI_BENCH=1).</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MAMORI_BENCH") != "1")
            Skip = "Load benchmark: set MAMORI_BENCH=1 to run it (dotnet test tests/Mamori.Host.Tests --filter DirectLineLoadBench).";
    }
}
