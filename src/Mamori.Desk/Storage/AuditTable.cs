using Mamori.Desk.Audit;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>The audit rows of <see cref="SqliteDeskStore"/>: append-only; the caller holds the lock.</summary>
internal sealed class AuditTable : IDisposable
{
    private readonly SqliteStatement _append;
    private readonly SqliteStatement _newest;

    public AuditTable(SqliteConnection connection)
    {
        _append = new(connection, """
            INSERT INTO audit (tenant, at, staff_id, action, case_id, detail) VALUES ($tenant, $at, $staff, $action, $case, $detail)
            """);
        // By number, not time: two entries in the same tick keep the order they were written in.
        _newest = new(connection, """
            SELECT at, staff_id, action, case_id, detail FROM audit WHERE tenant = $tenant ORDER BY number DESC LIMIT $limit
            """);
    }

    public void Append(AuditEntry e) => _append.With(("$tenant", e.TenantId), ("$at", DeskCodes.Time(e.At)), ("$staff", e.StaffId),
        ("$action", DeskCodes.Code(e.Action)), ("$case", e.CaseId), ("$detail", e.Detail)).ExecuteNonQuery();

    public List<AuditEntry> Newest(string tenantId, int limit)
    {
        using var r = _newest.With(("$tenant", tenantId), ("$limit", limit)).ExecuteReader();
        var entries = new List<AuditEntry>();
        while (r.Read())
        {
            entries.Add(new AuditEntry(DeskCodes.Time(r.GetString(0)), tenantId, r.IsDBNull(1) ? null : r.GetString(1),
                DeskCodes.Parse<AuditAction>(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        }
        return entries;
    }

    public void Dispose()
    {
        _append.Dispose();
        _newest.Dispose();
    }
}
