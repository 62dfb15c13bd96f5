using System.Globalization;
using System.Text;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Bench;

/// <summary>What the load runs share: the levels to run, percentiles, and the report kept under TestResults/bench/.</summary>
internal static class BenchReport
{
    /// <summary>Concurrent conversations per level: 10, 100, 500, or MAMORI_BENCH_LEVELS (e.g. "10,100").</summary>
    public static int[] Levels => (Environment.GetEnvironmentVariable("MAMORI_BENCH_LEVELS") ?? "10,100,500")
        .Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static long ManagedHeapMegabytes => GC.GetTotalMemory(false) / 1024 / 1024;

    public static long WorkingSetMegabytes => Environment.WorkingSet / 1024 / 1024;

    /// <summary>Writes the report to TestResults/bench/<paramref name="fileName"/> and returns its path.</summary>
    public static string Write(string fileName, StringBuilder report)
    {
        string folder = Path.Combine(RepositoryRoot.Path, "TestResults", "bench");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, fileName);
        File.WriteAllText(path, report.ToString());
        return path;
    }
}
