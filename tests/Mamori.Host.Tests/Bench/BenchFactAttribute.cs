namespace Mamori.Host.Tests.Bench;

/// <summary>
/// A load run: minutes of CPU on a shared machine, so it runs only when asked (MAMORI_BENCH=1), and only when the
/// commands it starts (e.g. <c>node</c>) are on PATH.
/// </summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute(params string[] commands)
    {
        if (Environment.GetEnvironmentVariable("MAMORI_BENCH") != "1")
            Skip = "Load benchmark: set MAMORI_BENCH=1 to run it (dotnet test tests/Mamori.Host.Tests --filter DirectLineLoadBench or BotFrameworkLoadBench).";
        else if (commands.FirstOrDefault(c => !OnPath(c)) is { } missing)
            Skip = $"Load benchmark: needs `{missing}` on PATH.";
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)) || File.Exists(Path.Combine(dir, command + ".exe")) || File.Exists(Path.Combine(dir, command + ".cmd")));
}
