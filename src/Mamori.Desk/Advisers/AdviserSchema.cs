using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Advisers;

/// <summary>The advisers' tables in the desk's SQLite file, created if missing; safe to run on every start and from two processes.</summary>
internal static class AdviserSchema
{
    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // foreign_keys: deleting a company removes its runs in the same statement (per connection, so set on every open).
        // secure_delete: an erased company's rows are overwritten with zeros, not left readable in free pages.
        // company_diagnosis.number is the order runs were kept in; two runs in one tick keep it.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA secure_delete = ON;
            CREATE TABLE IF NOT EXISTS adviser_company (
                tenant TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, contact_name TEXT, memo TEXT,
                consented_at TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (tenant, id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS company_diagnosis (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant TEXT NOT NULL, company_id TEXT NOT NULL, id TEXT NOT NULL, answers TEXT NOT NULL, headline TEXT NOT NULL,
                primary_barrier TEXT, maturity_step INTEGER, ran_by TEXT NOT NULL, ran_at TEXT NOT NULL,
                FOREIGN KEY (tenant, company_id) REFERENCES adviser_company (tenant, id) ON DELETE CASCADE);
            CREATE INDEX IF NOT EXISTS company_diagnosis_company ON company_diagnosis (tenant, company_id, number);
            """;
        command.ExecuteNonQuery();
    }
}
