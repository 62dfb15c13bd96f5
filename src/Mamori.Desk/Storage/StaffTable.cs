using Mamori.Desk.Staff;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>The staff rows of <see cref="SqliteDeskStore"/>; the caller holds the lock.</summary>
internal sealed class StaffTable : IDisposable
{
    private const string Columns = "id, tenant, login, display_name, role, password_hash, created_at, disabled";

    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _select;
    private readonly SqliteStatement _byLogin;
    private readonly SqliteStatement _list;
    private readonly SqliteStatement _disable;
    private readonly SqliteStatement _setHash;

    public StaffTable(SqliteConnection connection)
    {
        _insert = new(connection, """
            INSERT INTO staff (id, tenant, login, login_key, display_name, role, password_hash, created_at, disabled)
            VALUES ($id, $tenant, $login, $key, $name, $role, $hash, $created, 0)
            ON CONFLICT DO NOTHING
            """);
        _select = new(connection, $"SELECT {Columns} FROM staff WHERE tenant = $tenant AND id = $id");
        _byLogin = new(connection, $"SELECT {Columns} FROM staff WHERE tenant = $tenant AND login_key = $key");
        _list = new(connection, $"SELECT {Columns} FROM staff WHERE tenant = $tenant ORDER BY login_key");
        _disable = new(connection, "UPDATE staff SET disabled = 1 WHERE tenant = $tenant AND id = $id");
        _setHash = new(connection, "UPDATE staff SET password_hash = $hash WHERE tenant = $tenant AND id = $id");
    }

    /// <summary>False when the login (as <see cref="StaffAccount.LoginKey"/>) is taken in the tenant.</summary>
    public bool TryInsert(StaffAccount a) => _insert.With(
        ("$id", a.Id), ("$tenant", a.TenantId), ("$login", a.Login), ("$key", StaffAccount.LoginKey(a.Login)), ("$name", a.DisplayName),
        ("$role", DeskCodes.Code(a.Role)), ("$hash", a.PasswordHash), ("$created", DeskCodes.Time(a.CreatedAt))).ExecuteNonQuery() == 1;

    public StaffAccount? Get(string tenantId, string staffId) => ReadAll(_select.With(("$tenant", tenantId), ("$id", staffId))).SingleOrDefault();

    public StaffAccount? FindByLogin(string tenantId, string login) =>
        ReadAll(_byLogin.With(("$tenant", tenantId), ("$key", StaffAccount.LoginKey(login)))).SingleOrDefault();

    public List<StaffAccount> List(string tenantId) => ReadAll(_list.With(("$tenant", tenantId)));

    public bool Disable(string tenantId, string staffId) => _disable.With(("$tenant", tenantId), ("$id", staffId)).ExecuteNonQuery() == 1;

    public bool SetHash(string tenantId, string staffId, string hash) =>
        _setHash.With(("$hash", hash), ("$tenant", tenantId), ("$id", staffId)).ExecuteNonQuery() == 1;

    public void Dispose()
    {
        foreach (var statement in new[] { _insert, _select, _byLogin, _list, _disable, _setHash })
            statement.Dispose();
    }

    private static List<StaffAccount> ReadAll(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var accounts = new List<StaffAccount>();
        while (r.Read())
        {
            accounts.Add(new StaffAccount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DeskCodes.Parse<StaffRole>(r.GetString(4)),
                r.GetString(5), DeskCodes.Time(r.GetString(6)), r.GetInt64(7) != 0));
        }
        return accounts;
    }
}
