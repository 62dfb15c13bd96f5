using System.Diagnostics;
using Mamori.Host.Tests.Support;
using Mamori.Tests.Postgres;

namespace Mamori.Host.Tests.Bench;

/// <summary>
/// Mamori for a load run: the real engine and knowledge index, state in SQLite in a temp folder (MAMORI_BENCH_STORE=memory
/// for the in-memory store, =postgres for every store in a fresh database on MAMORI_TEST_POSTGRES's server, as in
/// production), warnings-only logging, and a client that keeps as many connections open as there are users.
/// </summary>
internal sealed class BenchHost : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "mamori-bench-" + Guid.NewGuid().ToString("N"));
    private readonly HostFactory _host;
    private readonly Stopwatch _started = Stopwatch.StartNew();
    private readonly TestDatabase? _database;

    public BenchHost(IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_data);
        var all = new Dictionary<string, string?>(settings)
        {
            ["Mamori:State:Provider"] = Store == "postgres" ? "sqlite" : Store,
            ["Mamori:State:SqlitePath"] = Path.Combine(_data, "state.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (Store == "postgres")
        {
            // A constructor, and a bench: blocking once here is simpler than an async factory for every caller.
            _database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
            all["Storage:Provider"] = "postgres";
            all["ConnectionStrings:Mamori"] = _database.ConnectionString;
            all["Access:TokenSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }
        _host = new HostFactory(scripted: false, all);
        Http = NewClient(_host.BaseAddress);
    }

    public static string Store => Environment.GetEnvironmentVariable("MAMORI_BENCH_STORE") ?? "sqlite";

    public HttpClient Http { get; }

    /// <summary>From the host's start until /healthz first answered 200 (set by <see cref="WaitReadyAsync"/>).</summary>
    public TimeSpan StartToReady { get; private set; }

    public async Task WaitReadyAsync()
    {
        while (!(await Http.GetAsync("healthz")).IsSuccessStatusCode)
            await Task.Delay(20);
        StartToReady = _started.Elapsed;
    }

    /// <summary>
    /// One connection per simulated user; idle ones are dropped after 4 s, before a Node server's 5 s keep-alive ends
    /// them on its side (a request racing that close would fail).
    /// </summary>
    public static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 2000,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(5),
    };

    public void Dispose()
    {
        Http.Dispose();
        _host.Dispose();
        _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by the pool: the temp folder is cleaned by the OS.
        }
    }
}
