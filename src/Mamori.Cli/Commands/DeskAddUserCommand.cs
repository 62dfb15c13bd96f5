using System.CommandLine;
using System.Text;
using Mamori.Desk.Audit;
using Mamori.Desk.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori desk add-user --tenant ID --login LOGIN --name 表示名 [--role staff|supervisor] [--state PATH]`: a staff
/// account for the desk console. The password comes from <see cref="PasswordVariable"/> or one line on stdin — never
/// from the command line, where other users and the shell history would see it. Exit 2 on bad input.
/// </summary>
internal static class DeskAddUserCommand
{
    public const string PasswordVariable = "MAMORI_DESK_PASSWORD";
    private const string Name = "desk add-user";

    public static Command Create()
    {
        var tenant = DeskCommand.TenantOption();
        var login = new Option<string?>("--login") { Description = "ログイン名（テナント内で一意）", Required = true };
        var name = new Option<string?>("--name") { Description = "表示名（相談者にも見える担当者名）", Required = true };
        var role = new Option<string>("--role") { Description = "staff（担当者）または supervisor（窓口全体を見る責任者）", DefaultValueFactory = _ => "staff" };
        var state = DeskCommand.StateOption();
        var command = new Command("add-user",
            $"担当者アカウントを追加する。パスワードは環境変数 {PasswordVariable} か標準入力の1行から読む（12文字以上）") { tenant, login, name, role, state };
        command.SetAction((parse, ct) => RunAsync(
            new NewUserSettings(parse.GetValue(tenant), parse.GetValue(login), parse.GetValue(name), parse.GetValue(role), parse.GetValue(state)),
            Environment.GetEnvironmentVariable(PasswordVariable), Console.IsInputRedirected ? Console.In : HiddenLine(Console.Error),
            Console.Out, Console.Error, ct));
        return command;
    }

    /// <param name="passwordFromEnvironment">The value of <see cref="PasswordVariable"/>; when empty, one line of <paramref name="stdin"/>.</param>
    internal static async Task<int> RunAsync(NewUserSettings settings, string? passwordFromEnvironment, TextReader stdin,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem)
            return Fail(stderr, problem);
        var password = string.IsNullOrEmpty(passwordFromEnvironment) ? await stdin.ReadLineAsync(cancellationToken) : passwordFromEnvironment;
        if (string.IsNullOrEmpty(password))
            return Fail(stderr, $"no password: set {PasswordVariable} or give it as one line on stdin.");

        await using var services = DeskCommand.BuildServices(settings.StatePath);
        if (await DeskCommand.OpenStoreAsync(services, settings.StatePath, Name, stderr, cancellationToken) is not { } store)
            return 1;
        if (!services.GetRequiredService<StaffPasswords>().TryHash(settings.Login!, password, out var hash, out var weak))
            return Fail(stderr, weak + ".");

        var added = await store.AddStaffAsync(new NewStaff(settings.Tenant!, settings.Login!.Trim(), settings.DisplayName!.Trim(), settings.ParsedRole, hash),
            cancellationToken);
        if (added.Account is not { } account)
            return Fail(stderr, $"the login '{settings.Login}' is already taken at tenant '{settings.Tenant}'.");
        await store.AppendAuditAsync(account.TenantId, null, AuditAction.StaffAdded, null,
            $"login {account.Login}, role {settings.ParsedRole.ToString().ToLowerInvariant()}, by mamori desk add-user", cancellationToken);

        stdout.WriteLine($"added {settings.ParsedRole.ToString().ToLowerInvariant()} '{account.Login}' ({account.DisplayName}) to tenant '{account.TenantId}' (id {account.Id})");
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"{Name}: {message}");
        return 2;
    }

    /// <summary>At a terminal: asks on stderr and reads one line without echoing it.</summary>
    private static StringReader HiddenLine(TextWriter prompt)
    {
        prompt.Write($"password (at least {StaffPasswords.MinimumLength} characters, not shown): ");
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
                text.Length = Math.Max(0, text.Length - 1);
            else if (!char.IsControl(key.KeyChar))
                text.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return new StringReader(text.ToString());
    }
}

/// <param name="StatePath">The desk's SQLite file; null: Mamori:Desk:SqlitePath (default data/mamori-desk.db).</param>
internal sealed record NewUserSettings(string? Tenant, string? Login, string? DisplayName, string? Role, string? StatePath)
{
    public StaffRole ParsedRole => Role?.Trim().ToLowerInvariant() == "supervisor" ? StaffRole.Supervisor : StaffRole.Staff;

    public string? Problem() =>
        DeskCommand.TenantProblem(Tenant) is { } tenant ? tenant
        : string.IsNullOrWhiteSpace(Login) || Login.Trim().Length > 64 || Login.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? $"--login must be 1-64 characters without spaces (got '{Login}')."
        : string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 100 ? "--name must be 1-100 characters."
        : Role?.Trim().ToLowerInvariant() is not ("staff" or "supervisor") ? $"--role must be staff or supervisor (got '{Role}')."
        : StatePath is { Length: 0 } ? "--state must name a file."
        : null;
}
