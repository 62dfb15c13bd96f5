using System.Net;
using Mamori.Host.Bot;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Mamori.Host.Tests.Support;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 and a free port. With <c>scripted: true</c> the dialog engine is replaced by
/// <see cref="ScriptedBot"/> (protocol tests); otherwise the real engine and knowledge index answer (end-to-end).
/// State is in memory, and the desk and Direct Line files are the host's own, so tests don't share a database.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    public const string ChamberOrigin = "http://127.0.0.1:9";   // replaced per test when a second server is used
    public const string ChamberSecret = "chamber-secret-0123456789-abcdefghijklmnop";

    private readonly bool _scripted;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _environment;
    private readonly Action<IServiceCollection>? _services;
    private readonly StartupErrorLog _errors = new();

    /// <param name="chamber">false: no tenant configured besides the embedded default, as on a fresh clone.</param>
    /// <param name="environment">The hosting environment; by default Development, or Testing when scripted.</param>
    /// <param name="services">Registrations added after the host's own (e.g. a startup filter).</param>
    public HostFactory(bool scripted = true, IDictionary<string, string?>? settings = null, bool chamber = true,
        string? environment = null, Action<IServiceCollection>? services = null)
    {
        _scripted = scripted;
        _environment = environment;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Mamori:State:Provider"] = "memory",
            // Each host its own desk file, never the repository's data/ folder.
            ["Mamori:Desk:SqlitePath"] = Path.Combine(Path.GetTempPath(), "mamori-desk-" + Guid.NewGuid().ToString("N") + ".db"),
            // Likewise its own Direct Line store and signing key; a restart test passes the same paths to both hosts.
            ["Channels:DirectLine:SqlitePath"] = Path.Combine(Path.GetTempPath(), "mamori-directline-" + Guid.NewGuid().ToString("N") + ".db"),
            ["Access:TokenSigningKeyFile"] = Path.Combine(Path.GetTempPath(), "mamori-key-" + Guid.NewGuid().ToString("N")),
            ["Reports:SqlitePath"] = Path.Combine(Path.GetTempPath(), "mamori-reports-" + Guid.NewGuid().ToString("N") + ".db"),
            ["Media:SqlitePath"] = Path.Combine(Path.GetTempPath(), "mamori-media-" + Guid.NewGuid().ToString("N") + ".db"),
            ["Channels:DirectLine:TokenMintsPerMinute"] = "10000",
        };
        if (chamber)
            AddChamber(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    private static void AddChamber(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Tenants:chamber:DisplayName"] = "テスト商工会議所",
            ["Tenants:chamber:PrimaryColor"] = "#0a6b3d",
            ["Tenants:chamber:Region"] = "tokyo",
            ["Tenants:chamber:Greeting"] = "テスト商工会議所のセキュリティ相談へようこそ。",
            ["Tenants:chamber:DirectLineSecret"] = ChamberSecret,
            ["Tenants:chamber:AllowedOrigins:0"] = ChamberOrigin,
            ["Tenants:chamber:SupportDesk:Name"] = "テスト商工会議所 経営相談窓口",
        })
            settings[key] = value;
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    /// <summary>
    /// Starts a host that must refuse to start, and returns why: the exception and the errors the host logged. The log
    /// is read too because when Program fails fast, WebApplicationFactory can reach the already disposed host first and
    /// throw ObjectDisposedException in place of the reason; the operator's log has the reason either way.
    /// </summary>
    public string StartRefusal()
    {
        var error = Assert.ThrowsAny<Exception>(StartServer);
        return string.Join('\n', [error.ToString(), .. _errors.Errors]);
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        // Development validates every registration on build; the scripted host replaces the engine, so it runs as "Testing".
        if (_scripted)
            builder.UseEnvironment("Testing");
        if (_environment is not null)
            builder.UseEnvironment(_environment);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(_errors);
            if (_scripted)
                services.Replace(ServiceDescriptor.Singleton<IConversationBot, ScriptedBot>());
            _services?.Invoke(services);
        });
    }
}
