using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Bench;

/// <summary>
/// The botbuilder-js peer of bench/peer-botbuilder as a child process: <c>npm ci</c> first when node_modules/ is missing,
/// then <c>node index.js</c> on a free loopback port. Disposing kills it.
/// </summary>
internal sealed class PeerBot : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "bench", "peer-botbuilder");
    private readonly Process _node;

    private PeerBot(Process node, Uri baseAddress)
    {
        _node = node;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The Node process' resident memory now (it is one process: the whole peer).</summary>
    public long WorkingSetMegabytes
    {
        get
        {
            _node.Refresh();
            return _node.WorkingSet64 / 1024 / 1024;
        }
    }

    /// <summary>What the peer said once listening: its address and the botbuilder and Node versions.</summary>
    public string Banner { get; private set; } = "";

    public static async Task<PeerBot> StartAsync()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
            await RunToEndAsync("npm", "ci --no-audit --no-fund", TimeSpan.FromMinutes(5));

        int port = FreePort();
        var node = Process.Start(StartInfo("node", $"index.js {port}"))!;
        var peer = new PeerBot(node, new Uri($"http://127.0.0.1:{port}/"));
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        // Both pipes are drained for the process' life so a chatty peer never blocks on a full pipe.
        node.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                listening.TrySetCanceled();   // the pipe closed: node exited
            else
                listening.TrySetResult(e.Data);
        };
        node.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            peer.Banner = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is TimeoutException or TaskCanceledException)
        {
            peer.Dispose();
            lock (errors)
                throw new InvalidOperationException($"node index.js {port} did not start listening in 30 s:\n{errors}", ex);
        }
        return peer;
    }

    private static async Task RunToEndAsync(string command, string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(command, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{command} {arguments}` in {Folder} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    private static ProcessStartInfo StartInfo(string command, string arguments) => new(command, arguments)
    {
        WorkingDirectory = Folder,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_node.HasExited)
            _node.Kill(entireProcessTree: true);
        _node.WaitForExit();
        _node.Dispose();
    }
}
