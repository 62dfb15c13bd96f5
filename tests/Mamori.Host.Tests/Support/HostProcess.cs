using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Mamori.Host.Tests.Support;

/// <summary>
/// Mamori.Host.dll from this test's output as its own process, run by `dotnet` in src/Mamori.Host with its
/// appsettings.json, the way `dotnet run` starts it. Its Direct Line store, signing key, desk, reports and media live in
/// a scratch folder — its own (deleted with it), or one the caller keeps across restarts.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _ownScratch;

    private HostProcess(Process process, string? ownScratch) => (_process, _ownScratch) = (process, ownScratch);

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    public string Log => string.Join("\n", Lines);

    public int ExitCode => _process.ExitCode;

    /// <param name="scratch">Where the host keeps its files; null: a new folder, deleted on dispose.</param>
    /// <param name="environment">More settings, as environment variables (Section__Key).</param>
    public static HostProcess Start(string? scratch = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "Mamori.Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mamori.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Mamori__State__Provider"] = "memory";   // the developer's data/mamori-state.db stays untouched
        // …and so do the developer's Direct Line conversations and signing key: this host's are in its scratch folder.
        string? own = scratch is null ? Directory.CreateTempSubdirectory("mamori-host-process-").FullName : null;
        string folder = scratch ?? own!;
        start.Environment["Channels__DirectLine__SqlitePath"] = Path.Combine(folder, "directline.db");
        start.Environment["Access__TokenSigningKeyFile"] = Path.Combine(folder, "token-signing.key");
        start.Environment["Mamori__Desk__SqlitePath"] = Path.Combine(folder, "desk.db");
        start.Environment["Reports__SqlitePath"] = Path.Combine(folder, "reports.db");
        start.Environment["Media__SqlitePath"] = Path.Combine(folder, "media.db");
        start.Environment["Mamori__Evidence__SqlitePath"] = Path.Combine(folder, "evidence.db");
        start.Environment["Mamori__Evidence__SaltPath"] = Path.Combine(folder, "evidence-salt");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var host = new HostProcess(new Process { StartInfo = start }, own);
        host._process.OutputDataReceived += (_, e) => host.Add(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    public async Task<Uri> WaitForAddressAsync()
    {
        var waited = await Task.WhenAny(_address.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(waited == _address.Task, "the host should start listening within 60 s:\n" + Log);
        return await _address.Task;
    }

    /// <summary>Polls /healthz until it answers 200 (503 while warming up is a normal start, Unhealthy is not).</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        HttpResponseMessage health;
        while ((health = await http.GetAsync("healthz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            string state = await health.Content.ReadAsStringAsync();
            Assert.True(state != "Unhealthy", "start-up failed:\n" + Log);
            Assert.True(DateTime.UtcNow < deadline, $"the host should be ready within {within.TotalSeconds:0} s:\n" + Log);
            await Task.Delay(100);
        }
    }

    /// <summary>What a terminal sends on Ctrl+C.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>kill -9: no shutdown, nothing flushed that was not already on disk.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
            _lines.Add(line);
        if (Listening().Match(line) is { Success: true } match)
            _address.TrySetResult(new Uri(match.Groups[1].Value + "/"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        if (_ownScratch is not null)
            Directory.Delete(_ownScratch, recursive: true);
    }
}
