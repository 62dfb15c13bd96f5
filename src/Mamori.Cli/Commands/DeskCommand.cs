using System.CommandLine;
using Mamori.Core;
using Mamori.Desk;
using Mamori.Desk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori desk add-user|list-users`: the support desk's staff accounts, in the desk store the host uses
/// (Mamori:Desk:SqlitePath, default data/mamori-desk.db under the content root; --state names another file).
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

    /// <summary>The desk's services with <paramref name="statePath"/> (relative to the working folder) over the configured file.</summary>
    public static ServiceProvider BuildServices(string? statePath)
    {
        var overrides = new Dictionary<string, string?>();
        if (statePath is not null)
            overrides[$"{DeskStoreOptions.Section}:SqlitePath"] = Path.GetFullPath(statePath);
        return new ServiceCollection().AddMamoriDesk(CliContent.Configuration(overrides)).BuildServiceProvider();
    }

    /// <summary>The store, or null after saying on stderr why it cannot be opened (exit 1: the set-up, not the input, is wrong).</summary>
    public static IDeskStore? OpenStore(ServiceProvider services, string command, TextWriter stderr)
    {
        try
        {
            return services.GetRequiredService<IDeskStore>();
        }
        catch (OptionsValidationException e)
        {
            stderr.WriteLine($"{command}: configuration is invalid: {string.Join(" ", e.Failures)}");
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException or SqliteException)
        {
            stderr.WriteLine($"{command}: cannot open the desk store: {e.Message}");
        }
        return null;
    }
}
