using Mamori.Desk.Cases;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>The case_message rows of <see cref="SqliteDeskStore"/>; the caller holds the lock.</summary>
internal sealed class MessageTable : IDisposable
{
    private readonly SqliteStatement _append;
    private readonly SqliteStatement _after;

    public MessageTable(SqliteConnection connection)
    {
        // One statement picks the next number and inserts it, so two processes appending at once still get 1, 2, 3…:
        // SQLite runs a write statement under the file's write lock. Nothing is inserted unless the tenant has the case.
        _append = new(connection, """
            INSERT INTO case_message (tenant, case_id, seq, sender, staff_id, text, at)
            SELECT $tenant, $case, COALESCE((SELECT MAX(seq) FROM case_message WHERE tenant = $tenant AND case_id = $case), 0) + 1,
                   $sender, $staff, $text, $at
            WHERE EXISTS (SELECT 1 FROM desk_case WHERE tenant = $tenant AND id = $case)
            RETURNING seq
            """);
        _after = new(connection, """
            SELECT seq, sender, staff_id, text, at FROM case_message
            WHERE tenant = $tenant AND case_id = $case AND seq > $after ORDER BY seq LIMIT $limit
            """);
    }

    public CaseMessage? Append(string tenantId, string caseId, MessageSender from, string? staffId, string text, DateTimeOffset at)
    {
        var sequence = _append.With(("$tenant", tenantId), ("$case", caseId), ("$sender", DeskCodes.Code(from)), ("$staff", staffId),
            ("$text", text), ("$at", DeskCodes.Time(at))).ExecuteScalar();
        return sequence is long number ? new CaseMessage(caseId, number, from, staffId, text, at) : null;
    }

    public List<CaseMessage> After(string tenantId, string caseId, long afterSequence, int limit)
    {
        using var reader = _after.With(("$tenant", tenantId), ("$case", caseId), ("$after", afterSequence), ("$limit", limit)).ExecuteReader();
        var messages = new List<CaseMessage>();
        while (reader.Read())
        {
            messages.Add(new CaseMessage(caseId, reader.GetInt64(0), DeskCodes.Parse<MessageSender>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), DeskCodes.Time(reader.GetString(4))));
        }
        return messages;
    }

    public void Dispose()
    {
        _append.Dispose();
        _after.Dispose();
    }
}
