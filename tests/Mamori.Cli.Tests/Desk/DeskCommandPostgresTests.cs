using System.Diagnostics;
using System.Text;
using Mamori.Desk.Staff;
using Mamori.Storage.Postgres.Desk;
using Mamori.Tests.Postgres;

namespace Mamori.Cli.Tests.Desk;

/// <summary>
/// `mamori desk add-user` on a production set-up (Storage:Provider = postgres), as an operator runs it before the first
/// host ever started: the account lands in the shared database, where every instance's desk looks.
/// </summary>
public sealed class DeskCommandPostgresTests
{
    private const string Password = "窓口の合言葉-2026冬";

    [PostgresFact]
    public async Task The_first_account_of_a_postgres_desk_is_made_in_the_database_and_listed_from_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Mamori"] = database.ConnectionString,
            ["MAMORI_DESK_PASSWORD"] = Password,
        };

        var (added, addOut, addErr) = await RunAsync(environment, "desk", "add-user", "--tenant", "chamber", "--login", "tanaka", "--name", "田中 一郎", "--role", "supervisor");
        Assert.True(added == 0, addErr);
        Assert.Contains("'tanaka'", addOut);
        var (listed, listOut, listErr) = await RunAsync(environment, "desk", "list-users", "--tenant", "chamber");
        Assert.True(listed == 0, listErr);
        Assert.Contains("田中 一郎", listOut);

        var account = await new PostgresDeskStore(database.DataSource, TimeProvider.System).FindStaffByLoginAsync("chamber", "tanaka", CancellationToken.None);
        Assert.Equal(StaffRole.Supervisor, account!.Role);
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, new StaffPasswords().Verify(account, Password));

        // A SQLite path makes no sense there: said, not silently written to a file no host reads.
        var (wrong, _, wrongErr) = await RunAsync(environment, "desk", "list-users", "--tenant", "chamber", "--state", "desk.db");
        Assert.Equal(1, wrong);
        Assert.Contains("--state names a SQLite file, but Storage:Provider is 'postgres'", wrongErr);
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_named_and_the_password_is_not_shown()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            ["ConnectionStrings__Mamori"] = "Host=127.0.0.1;Port=9;Database=mamori;Username=mamori;Password=secret-not-shown;Timeout=3",
        };
        var (exit, _, error) = await RunAsync(environment, "desk", "list-users");
        Assert.Equal(1, exit);
        Assert.Contains("cannot open the desk database (Storage:Provider 'postgres', ConnectionStrings:Mamori)", error);
        Assert.DoesNotContain("secret-not-shown", error);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mamori.dll"));
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
