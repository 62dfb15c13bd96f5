using System.CommandLine;
using Mamori.Core;
using Mamori.Desk;
using Mamori.Desk.Storage;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Desk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori desk add-user|list-users`: the support desk's staff accounts, in the desk store the host uses: with
/// Storage:Provider = postgres the shared database, else Mamori:Desk:SqlitePath (default data/mamori-desk.db under the
/// content root; --state names another file).
/// </summary>
internal static class DeskCommand
{
    public const string DefaultTenant = "default";

    public static Command Create()
    {
        var desk = new Command("desk", "相談窓口（サポートデスク）の担当者アカウントを管理する");
        desk.Subcommands.Add(DeskAddUserCommand.Create());
        desk.Subcommands.Add(DeskListUsersCommand.Create());
        return desk;
    }

    public static Option<string> TenantOption() =>
        new("--tenant") { Description = $"窓口のテナント ID（既定: {DefaultTenant}）", DefaultValueFactory = _ => DefaultTenant };

    public static Option<string?> StateOption() =>
        new("--state") { Description = "窓口のデータを保存する SQLite ファイル（既定: Mamori:Desk:SqlitePath、なければ data/mamori-desk.db）" };

    /// <summary>The host's rule for tenant ids, so an account is never made for a tenant that cannot exist.</summary>
    public static string? TenantProblem(string? tenant) =>
        TenantIds.IsValid(tenant) ? null : $"--tenant must be {TenantIds.Rule} (got '{tenant}').";

    /// <summary>
    /// The desk's services as the host builds them: with <c>Storage:Provider</c> = postgres the shared database
    /// (<c>ConnectionStrings:Mamori</c>), else the SQLite file, <paramref name="statePath"/> (relative to the working folder)
    /// over the configured one.
    /// </summary>
    public static ServiceProvider BuildServices(string? statePath)
    {
        var overrides = new Dictionary<string, string?>();
        if (statePath is not null)
            overrides[$"{DeskStoreOptions.Section}:SqlitePath"] = Path.GetFullPath(statePath);
        var configuration = CliContent.Configuration(overrides);
        var services = new ServiceCollection();
        if (IsPostgres(configuration))
        {
            // Before AddMamoriDesk's SQLite default, as in the host: the first account is made where every instance looks.
            string connection = configuration.GetConnectionString("Mamori") ?? "";
            services.AddSingleton(_ => NpgsqlDataSource.Create(connection));
            services.AddSingleton<IDeskStore, PostgresDeskStore>();
        }
        return services.AddMamoriDesk(configuration).BuildServiceProvider();
    }

    /// <summary>The store, or null after saying on stderr why it cannot be opened (exit 1: the set-up, not the input, is wrong).</summary>
    public static async Task<IDeskStore?> OpenStoreAsync(ServiceProvider services, string? statePath, string command, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            var store = services.GetRequiredService<IDeskStore>();
            if (store is not PostgresDeskStore)
                return store;
            if (statePath is not null)
            {
                stderr.WriteLine($"{command}: --state names a SQLite file, but Storage:Provider is 'postgres': the accounts go to the database in ConnectionStrings:Mamori.");
                return null;
            }
            // The host migrates at start; a desk set up before any host ran needs its tables too (the same migrations, under the same lock).
            await SchemaMigrator.ApplyAsync(services.GetRequiredService<NpgsqlDataSource>(), PostgresDeskStore.Migrations, ct);
            return store;
        }
        catch (OptionsValidationException e)
        {
            stderr.WriteLine($"{command}: configuration is invalid: {string.Join(" ", e.Failures)}");
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException or SqliteException)
        {
            stderr.WriteLine($"{command}: cannot open the desk store: {e.Message}");
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            // ArgumentException: a connection string Npgsql cannot read. The message never carries the password.
            stderr.WriteLine($"{command}: cannot open the desk database (Storage:Provider 'postgres', ConnectionStrings:Mamori): {e.Message}");
        }
        return null;
    }

    private static bool IsPostgres(IConfiguration configuration) => configuration["Storage:Provider"] == "postgres";
}
