using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mamori.Host.Tests.Support;
using Xunit.Abstractions;

namespace Mamori.Host.Tests;

/// <summary>
/// The host as its own process, started the way `dotnet run` starts it (Development, from src/Mamori.Host): what a
/// developer sees in the terminal on a normal start, and how long Ctrl+C takes while a chat page is connected.
/// </summary>
public sealed partial class HostProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(2);

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    [UnixFact]
    public async Task A_normal_start_logs_no_error_and_ctrl_c_stops_within_two_seconds_with_a_chat_connected()
    {
        using var host = HostProcess.Start();
        Uri address = await host.WaitForAddressAsync();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        // Whoever waits for readiness polls /healthz during warm-up: that is a normal start, not a failure.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        HttpResponseMessage health;
        while ((health = await http.GetAsync("healthz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            string state = await health.Content.ReadAsStringAsync();
            Assert.True(state != "Unhealthy", "start-up failed:\n" + host.Log);
            Assert.True(DateTime.UtcNow < deadline, "the host should be ready within 90 s:\n" + host.Log);
            await Task.Delay(100);
        }

        // An open chat page holds a WebSocket that never ends by itself.
        var directLine = new DirectLineClient(http);
        await directLine.MintAsync();
        using var start = await directLine.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        string streamUrl = (string)(await start.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var greeting = await socket.ReceiveAsync(new byte[64 * 1024], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Text, greeting.MessageType);

        var clock = Stopwatch.StartNew();
        host.Interrupt();
        bool exited = await host.WaitForExitAsync(TimeSpan.FromSeconds(35));
        clock.Stop();
        output.WriteLine($"stopped {clock.Elapsed.TotalMilliseconds:F0} ms after SIGINT");
        output.WriteLine(host.Log);

        Assert.True(exited, "the host should stop after SIGINT");
        Assert.True(clock.Elapsed <= StopBudget, $"Ctrl+C should stop the host within {StopBudget.TotalSeconds} s, took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, host.ExitCode);
        string[] errors = host.Lines.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 0, "a normal start and stop should log no error:\n" + string.Join("\n", errors));
    }

    /// <summary>Mamori.Host.dll from this test's output, run by `dotnet` in src/Mamori.Host with its appsettings.json.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private string? _scratch;

        private HostProcess(Process process) => _process = process;

        public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

        public string Log => string.Join("\n", Lines);

        public int ExitCode => _process.ExitCode;

        public static HostProcess Start()
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.Combine(Support.RepositoryRoot.Path, "src", "Mamori.Host"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mamori.Host.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Mamori__State__Provider"] = "memory";   // the developer's data/mamori-state.db stays untouched
            // …and so do the developer's Direct Line conversations and signing key: this host's are thrown away with it.
            string scratch = Directory.CreateTempSubdirectory("mamori-host-process-").FullName;
            start.Environment["Channels__DirectLine__SqlitePath"] = Path.Combine(scratch, "directline.db");
            start.Environment["Access__TokenSigningKeyFile"] = Path.Combine(scratch, "token-signing.key");
            start.Environment["Mamori__Desk__SqlitePath"] = Path.Combine(scratch, "desk.db");
            var host = new HostProcess(new Process { StartInfo = start }) { _scratch = scratch };
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

        /// <summary>What a terminal sends on Ctrl+C.</summary>
        public void Interrupt()
        {
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
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
            if (_scratch is not null)
                Directory.Delete(_scratch, recursive: true);
        }
    }
}

/// <summary>Ctrl+C reaches a process as SIGINT on Linux and macOS; Windows has no `kill -INT`.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "sends SIGINT with kill(1), which Windows does not have.";
    }
}
