using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>The desk's tables, created if missing; safe to run on every start and from two processes.</summary>
internal static class DeskSchema
{
    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // WAL: readers and one writer at once; NORMAL sync is safe with WAL (a power cut may lose the last writes, never
        // corrupt the file). desk_case.number is the opening order, which is the queue; AUTOINCREMENT never reuses one.
        // The partial unique index keeps one open case per conversation even when two processes open at once.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS desk_case (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant TEXT NOT NULL, id TEXT NOT NULL, conversation TEXT NOT NULL, owner_user TEXT NOT NULL, channel TEXT NOT NULL,
                state TEXT NOT NULL, opened_at TEXT NOT NULL, reason TEXT NOT NULL, snapshot TEXT NOT NULL,
                taken_by TEXT, taken_at TEXT, closed_at TEXT, outcome TEXT, notes TEXT, satisfaction INTEGER,
                contact_method TEXT, contact TEXT, contact_at TEXT,
                version INTEGER NOT NULL, route TEXT, rating_asked INTEGER NOT NULL DEFAULT 0);
            CREATE UNIQUE INDEX IF NOT EXISTS desk_case_id ON desk_case (tenant, id);
            CREATE UNIQUE INDEX IF NOT EXISTS desk_case_open ON desk_case (tenant, conversation) WHERE state IN ('waiting', 'taken');
            CREATE INDEX IF NOT EXISTS desk_case_state ON desk_case (tenant, state, number);
            CREATE INDEX IF NOT EXISTS desk_case_conversation ON desk_case (tenant, conversation, number);
            CREATE TABLE IF NOT EXISTS case_message (
                tenant TEXT NOT NULL, case_id TEXT NOT NULL, seq INTEGER NOT NULL,
                sender TEXT NOT NULL, staff_id TEXT, text TEXT NOT NULL, at TEXT NOT NULL,
                PRIMARY KEY (tenant, case_id, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS staff (
                tenant TEXT NOT NULL, id TEXT NOT NULL, login TEXT NOT NULL, login_key TEXT NOT NULL, display_name TEXT NOT NULL,
                role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled INTEGER NOT NULL,
                PRIMARY KEY (tenant, id)) WITHOUT ROWID;
            CREATE UNIQUE INDEX IF NOT EXISTS staff_login ON staff (tenant, login_key);
            CREATE TABLE IF NOT EXISTS audit (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant TEXT NOT NULL, at TEXT NOT NULL, staff_id TEXT, action TEXT NOT NULL, case_id TEXT, detail TEXT);
            CREATE INDEX IF NOT EXISTS audit_tenant ON audit (tenant, number);
            """;
        command.ExecuteNonQuery();
        AddMissingColumns(connection);
    }

    // Files written before the live chat lack its two columns; SQLite adds a column in place, keeping every row.
    private static void AddMissingColumns(SqliteConnection connection)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM pragma_table_info('desk_case')";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                present.Add(reader.GetString(0));
        }
        foreach (var (column, definition) in new[] { ("route", "TEXT"), ("rating_asked", "INTEGER NOT NULL DEFAULT 0") })
        {
            if (present.Contains(column))
                continue;
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE desk_case ADD COLUMN {column} {definition}";
            alter.ExecuteNonQuery();
        }
    }
}
