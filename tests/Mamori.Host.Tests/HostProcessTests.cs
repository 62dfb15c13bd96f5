using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;
using Xunit.Abstractions;

namespace Mamori.Host.Tests;

/// <summary>
/// The host as its own process, started the way `dotnet run` starts it (Development, from src/Mamori.Host): what a
/// developer sees in the terminal on a normal start, and how long Ctrl+C takes while a chat page is connected.
/// </summary>
public sealed class HostProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(2);

    [UnixFact]
    public async Task A_normal_start_logs_no_error_and_ctrl_c_stops_within_two_seconds_with_a_chat_connected()
    {
        using var host = HostProcess.Start();
        Uri address = await host.WaitForAddressAsync();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        // Whoever waits for readiness polls /healthz during warm-up: that is a normal start, not a failure.
        await host.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(90));

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
