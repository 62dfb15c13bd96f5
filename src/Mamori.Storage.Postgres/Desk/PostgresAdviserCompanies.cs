using System.Text.Json;
using Mamori.Core.Domain;
using Mamori.Desk;
using Mamori.Desk.Advisers;
using Npgsql;

namespace Mamori.Storage.Postgres.Desk;

/// <summary>
/// The advisers' companies and their runs in PostgreSQL, beside <see cref="PostgresDeskStore"/>'s tables, with the
/// semantics of <see cref="SqliteAdviserCompanies"/>: every call names the tenant, and deleting a company erases its runs
/// in the same statement. Times are stamped with the clock, to the microsecond.
/// </summary>
public sealed class PostgresAdviserCompanies(NpgsqlDataSource database, TimeProvider clock) : IAdviserCompanies
{
    /// <summary>The tables this store needs (Migrations/advisers/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresAdviserCompanies).Assembly, "advisers");

    private const string CompanyColumns = "id, tenant, name, contact_name, memo, consented_at, created_by, created_at";
    private const string DiagnosisColumns = "id, tenant, company_id, answers, headline, primary_barrier, maturity_step, ran_by, ran_at";

    public async Task<AdviserCompany> AddAsync(NewCompany company, CancellationToken cancellationToken)
    {
        var added = new AdviserCompany(DeskIds.New(), company.TenantId, company.Name, company.ContactName, company.Memo,
            StoredTime.Of(company.ConsentedAt), company.CreatedBy, StoredTime.Now(clock));
        await database.ExecuteAsync($"INSERT INTO adviser_company ({CompanyColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            [added.Id, added.TenantId, added.Name, added.ContactName, added.Memo, added.ConsentedAt, added.CreatedBy, added.CreatedAt], cancellationToken);
        return added;
    }

    public async Task<AdviserCompany?> GetAsync(string tenantId, string companyId, CancellationToken cancellationToken) =>
        (await database.ReadAsync($"SELECT {CompanyColumns} FROM adviser_company WHERE tenant = $1 AND id = $2", [tenantId, companyId], ReadCompany,
            cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<AdviserCompany>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        await database.ReadAsync($"SELECT {CompanyColumns} FROM adviser_company WHERE tenant = $1 ORDER BY created_at DESC, id", [tenantId], ReadCompany,
            cancellationToken);

    public async Task<CompanyDiagnosis?> AddDiagnosisAsync(NewDiagnosis diagnosis, CancellationToken cancellationToken)
    {
        var run = new CompanyDiagnosis(DeskIds.New(), diagnosis.TenantId, diagnosis.CompanyId, diagnosis.Answers, diagnosis.Headline,
            diagnosis.PrimaryBarrier, diagnosis.MaturityStep, diagnosis.RanBy, StoredTime.Now(clock));
        try
        {
            // Only under a company of the same tenant: a run for another desk's (or a just deleted) company inserts nothing.
            int inserted = await database.ExecuteAsync($"""
                INSERT INTO company_diagnosis ({DiagnosisColumns})
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
                WHERE EXISTS (SELECT 1 FROM adviser_company WHERE tenant = $2 AND id = $3)
                """, [run.Id, run.TenantId, run.CompanyId, PostgresSql.Json(AdviserJson.Serialize(run.Answers)), run.Headline, run.PrimaryBarrier?.Code(),
                run.MaturityStep, run.RanBy, run.RanAt], cancellationToken);
            return inserted == 1 ? run : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // Deleted on another instance after this statement's snapshot saw it: as gone as if it had not been seen.
            return null;
        }
    }

    public async Task<IReadOnlyList<CompanyDiagnosis>> ListDiagnosesAsync(string tenantId, string companyId, CancellationToken cancellationToken) =>
        await database.ReadAsync($"SELECT {DiagnosisColumns} FROM company_diagnosis WHERE tenant = $1 AND company_id = $2 ORDER BY number",
            [tenantId, companyId], ReadDiagnosis, cancellationToken);

    public async Task<bool> DeleteAsync(string tenantId, string companyId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM adviser_company WHERE tenant = $1 AND id = $2", [tenantId, companyId], cancellationToken) == 1;

    private static AdviserCompany ReadCompany(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
            r.GetFieldValue<DateTimeOffset>(5), r.GetString(6), r.GetFieldValue<DateTimeOffset>(7));

    private static CompanyDiagnosis ReadDiagnosis(NpgsqlDataReader r)
    {
        string id = r.GetString(0);
        try
        {
            return new CompanyDiagnosis(id, r.GetString(1), r.GetString(2), AdviserJson.DeserializeAnswers(r.GetString(3)), r.GetString(4),
                Barrier(r.IsDBNull(5) ? null : r.GetString(5)), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"Diagnosis {r.GetString(1)}/{r.GetString(2)}/{id} in company_diagnosis cannot be read: {e.Message}", e);
        }
    }

    private static Stage? Barrier(string? code) =>
        code is null ? null
        : DomainCodes.TryParseStage(code, out var stage) ? stage
        : throw new InvalidDataException($"'{code}' is not a stage code.");
}
