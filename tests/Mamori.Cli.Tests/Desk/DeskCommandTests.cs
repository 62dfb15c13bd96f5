using System.Text.Json;
using Mamori.Cli.Commands;
using Mamori.Desk.Audit;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Mamori.Cli.Tests.Desk;

/// <summary>`mamori desk add-user` and `list-users`, in process against a temp desk file: accounts, password rules, exit codes.</summary>
public sealed class DeskCommandTests : IDisposable
{
    private const string Password = "窓口の合言葉-2026春";
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-desk-cli-").FullName;

    private string StatePath => Path.Combine(_folder, "desk", "mamori-desk.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> AddUser(string login = "sato", string name = "佐藤 花子", string role = "staff",
        string? environment = Password, string stdin = "", string tenant = "default")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await DeskAddUserCommand.RunAsync(new NewUserSettings(tenant, login, name, role, StatePath), environment, new StringReader(stdin),
            stdout, stderr, CancellationToken.None);
        Assert.DoesNotContain(Password, stdout.ToString() + stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<(int Exit, string Out, string Err)> ListUsers(bool json, string tenant = "default")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await DeskListUsersCommand.RunAsync(tenant, StatePath, json, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_user_added_with_the_password_from_the_environment_can_sign_in_and_is_listed_and_audited()
    {
        var (exit, output, error) = await AddUser(role: "Supervisor");

        Assert.True(exit == 0, error);
        Assert.Contains("'sato'", output);
        using (var store = new SqliteDeskStore(StatePath))
        {
            var account = await store.FindStaffByLoginAsync("default", "sato", CancellationToken.None);
            Assert.Equal(("佐藤 花子", StaffRole.Supervisor), (account!.DisplayName, account.Role));
            Assert.DoesNotContain(Password, account.PasswordHash);
            Assert.Equal(PasswordVerificationResult.Success, new StaffPasswords().Verify(account, Password));
            var audit = Assert.Single(await store.ReadAuditAsync("default", 10, CancellationToken.None));
            Assert.Equal((AuditAction.StaffAdded, (string?)null), (audit.Action, audit.StaffId));
            Assert.Contains("sato", audit.Detail);
        }

        var (listed, text, _) = await ListUsers(json: false);
        Assert.Equal(0, listed);
        Assert.Equal("sato\t佐藤 花子\tsupervisor", text.Trim());
        var (_, json, _) = await ListUsers(json: true);
        using var document = JsonDocument.Parse(json);
        var user = Assert.Single(document.RootElement.GetProperty("users").EnumerateArray());
        Assert.Equal(("sato", "supervisor"), (user.GetProperty("login").GetString(), user.GetProperty("role").GetString()));
        Assert.DoesNotContain("hash", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_the_environment_variable_the_password_is_one_line_of_stdin()
    {
        var (exit, _, error) = await AddUser(environment: null, stdin: Password + "\nthe rest is ignored\n");

        Assert.True(exit == 0, error);
        using var store = new SqliteDeskStore(StatePath);
        var account = await store.FindStaffByLoginAsync("default", "sato", CancellationToken.None);
        Assert.Equal(PasswordVerificationResult.Success, new StaffPasswords().Verify(account, Password));
    }

    [Fact]
    public async Task The_same_login_twice_at_one_tenant_is_bad_input_and_at_another_is_fine()
    {
        Assert.Equal(0, (await AddUser()).Exit);

        var (exit, _, error) = await AddUser(login: "SATO", name: "別の佐藤");

        Assert.Equal(2, exit);
        Assert.Contains("already taken", error);
        Assert.Equal(0, (await AddUser(tenant: "tokyo-cci")).Exit);
        Assert.Single((await ListUsers(json: false)).Out.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("sato", "佐藤", "staff", "short-pass", "at least 12 characters")]
    [InlineData("sato.hanako.1", "佐藤", "staff", "SATO.HANAKO.1", "not be the login name")]
    [InlineData("sato", "佐藤", "admin", Password, "--role must be staff or supervisor")]
    [InlineData("sa to", "佐藤", "staff", Password, "--login must be")]
    [InlineData("sato", " ", "staff", Password, "--name must be")]
    [InlineData("sato", "佐藤", "staff", "", "no password")]
    public async Task Bad_input_exits_with_2_and_says_why_and_adds_nobody(string login, string name, string role, string password, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await DeskAddUserCommand.RunAsync(new NewUserSettings("default", login, name, role, StatePath), password, new StringReader(""),
            stdout, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString());
        if (password.Length > 0)
            Assert.DoesNotContain(password, stderr.ToString());
        Assert.True(!File.Exists(StatePath) || (await ListUsers(json: false)).Out.Length == 0);
    }

    [Fact]
    public async Task A_tenant_id_the_host_would_refuse_is_bad_input()
    {
        Assert.Equal(2, (await AddUser(tenant: "Tokyo CCI")).Exit);
        Assert.Equal(2, (await ListUsers(json: false, tenant: "")).Exit);
    }

    [Fact]
    public void The_password_cannot_be_given_on_the_command_line()
    {
        var parsed = DeskCommand.Create().Parse(["add-user", "--login", "sato", "--name", "佐藤", "--password", Password]);

        Assert.NotEmpty(parsed.Errors);
        Assert.Empty(DeskCommand.Create().Parse(["add-user", "--login", "sato", "--name", "佐藤", "--role", "supervisor", "--state", StatePath]).Errors);
    }
}
