using Mamori.Desk.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Advisers;

/// <summary>The adviser_company rows of <see cref="SqliteAdviserCompanies"/>; the caller holds the lock.</summary>
internal sealed class CompanyTable : IDisposable
{
    private const string Columns = "id, tenant, name, contact_name, memo, consented_at, created_by, created_at";

    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _select;
    private readonly SqliteStatement _list;
    private readonly SqliteStatement _delete;

    public CompanyTable(SqliteConnection connection)
    {
        _insert = new(connection, $"""
            INSERT INTO adviser_company ({Columns}) VALUES ($id, $tenant, $name, $contact, $memo, $consented, $by, $created)
            """);
        _select = new(connection, $"SELECT {Columns} FROM adviser_company WHERE tenant = $tenant AND id = $id");
        _list = new(connection, $"SELECT {Columns} FROM adviser_company WHERE tenant = $tenant ORDER BY created_at DESC, id");
        // The runs go with it (ON DELETE CASCADE), in this one statement.
        _delete = new(connection, "DELETE FROM adviser_company WHERE tenant = $tenant AND id = $id");
    }

    public void Insert(AdviserCompany c) => _insert.With(("$id", c.Id), ("$tenant", c.TenantId), ("$name", c.Name), ("$contact", c.ContactName),
        ("$memo", c.Memo), ("$consented", DeskCodes.Time(c.ConsentedAt)), ("$by", c.CreatedBy), ("$created", DeskCodes.Time(c.CreatedAt))).ExecuteNonQuery();

    public AdviserCompany? Get(string tenantId, string companyId) => ReadAll(_select.With(("$tenant", tenantId), ("$id", companyId))).SingleOrDefault();

    public List<AdviserCompany> List(string tenantId) => ReadAll(_list.With(("$tenant", tenantId)));

    public bool Delete(string tenantId, string companyId) => _delete.With(("$tenant", tenantId), ("$id", companyId)).ExecuteNonQuery() == 1;

    public void Dispose()
    {
        foreach (var statement in new[] { _insert, _select, _list, _delete })
            statement.Dispose();
    }

    private static List<AdviserCompany> ReadAll(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var companies = new List<AdviserCompany>();
        while (r.Read())
        {
            companies.Add(new AdviserCompany(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), DeskCodes.Time(r.GetString(5)), r.GetString(6), DeskCodes.Time(r.GetString(7))));
        }
        return companies;
    }
}
