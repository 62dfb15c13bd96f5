namespace Mamori.Core.Evidence;

/// <summary>The SQLite tables: a company is an integer standing for its hash, so counting distinct companies stays cheap.</summary>
internal static class EvidenceSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS evidence_company (
            id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (tenant, hash));
        CREATE TABLE IF NOT EXISTS evidence_diagnosis (
            id INTEGER PRIMARY KEY,
            tenant TEXT NOT NULL, company INTEGER NOT NULL REFERENCES evidence_company (id), conversation TEXT NOT NULL,
            at INTEGER NOT NULL, month TEXT NOT NULL, nth INTEGER NOT NULL, previous_barrier TEXT,
            industry TEXT NOT NULL, size TEXT NOT NULL, prefecture TEXT NOT NULL, it_dependence TEXT NOT NULL,
            data_held TEXT NOT NULL, supply_chain TEXT NOT NULL,
            primary_barrier TEXT NOT NULL, step INTEGER NOT NULL, worrying INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS evidence_diagnosis_tenant_month ON evidence_diagnosis (tenant, month);
        CREATE INDEX IF NOT EXISTS evidence_diagnosis_conversation ON evidence_diagnosis (tenant, conversation, id);
        CREATE INDEX IF NOT EXISTS evidence_diagnosis_company ON evidence_diagnosis (company);
        CREATE INDEX IF NOT EXISTS evidence_diagnosis_at ON evidence_diagnosis (at);
        CREATE TABLE IF NOT EXISTS evidence_blocked (
            diagnosis INTEGER NOT NULL REFERENCES evidence_diagnosis (id) ON DELETE CASCADE, stage TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS evidence_blocked_diagnosis ON evidence_blocked (diagnosis);
        CREATE TABLE IF NOT EXISTS evidence_measure (
            diagnosis INTEGER NOT NULL REFERENCES evidence_diagnosis (id) ON DELETE CASCADE,
            measure_id TEXT NOT NULL, barrier TEXT NOT NULL, support_type TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS evidence_measure_diagnosis ON evidence_measure (diagnosis);
        CREATE TABLE IF NOT EXISTS evidence_followup (
            diagnosis INTEGER NOT NULL REFERENCES evidence_diagnosis (id) ON DELETE CASCADE,
            kind TEXT NOT NULL, detail TEXT NOT NULL, value INTEGER NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS evidence_followup_diagnosis ON evidence_followup (diagnosis);
        """;

    /// <summary>Per connection: cascades on, deleted rows overwritten on disk (they held what a company answered), and in WAL
    /// mode a sync per checkpoint rather than per diagnosis (a power cut may lose the last few counts, never corrupt the file).</summary>
    public const string Connection = "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL;";
}
