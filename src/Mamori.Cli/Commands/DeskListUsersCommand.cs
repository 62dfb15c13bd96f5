using System.CommandLine;
using System.Text.Json;

namespace Mamori.Cli.Commands;

/// <summary>`mamori desk list-users [--tenant ID] [--state PATH] [--json]`: the desk's staff accounts, without their hashes.</summary>
internal static class DeskListUsersCommand
{
    private const string Name = "desk list-users";

    public static Command Create()
    {
        var tenant = DeskCommand.TenantOption();
        var state = DeskCommand.StateOption();
        var json = new Option<bool>("--json") { Description = "一覧を JSON で出力する" };
        var command = new Command("list-users", "担当者アカウントの一覧を表示する") { tenant, state, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(tenant), parse.GetValue(state), parse.GetValue(json), Console.Out, Console.Error, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string? tenant, string? statePath, bool json, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (DeskCommand.TenantProblem(tenant) is { } problem)
        {
            stderr.WriteLine($"{Name}: {problem}");
            return 2;
        }
        await using var services = DeskCommand.BuildServices(statePath);
        if (await DeskCommand.OpenStoreAsync(services, statePath, Name, stderr, cancellationToken) is not { } store)
            return 1;

        var users = (await store.ListStaffAsync(tenant!, cancellationToken)).Select(a => new
        {
            id = a.Id,
            login = a.Login,
            name = a.DisplayName,
            role = a.Role.ToString().ToLowerInvariant(),
            disabled = a.Disabled,
            createdAt = a.CreatedAt,
        }).ToList();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { tenant, users }, IngestCommand.Json));
            return 0;
        }
        foreach (var user in users)
            stdout.WriteLine($"{user.login}\t{user.name}\t{user.role}{(user.disabled ? "\tdisabled" : "")}");
        if (users.Count == 0)
            stderr.WriteLine($"{Name}: tenant '{tenant}' has no staff accounts yet (mamori desk add-user).");
        return 0;
    }
}
