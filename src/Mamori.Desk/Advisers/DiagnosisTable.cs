using System.Text.Json;
using Mamori.Core.Domain;
using Mamori.Desk.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Advisers;

/// <summary>The company_diagnosis rows of <see cref="SqliteAdviserCompanies"/>; the caller holds the lock.</summary>
internal sealed class DiagnosisTable : IDisposable
{
    private const string Columns = "id, tenant, company_id, answers, headline, primary_barrier, maturity_step, ran_by, ran_at";

    private readonly string _file;
    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _list;

    public DiagnosisTable(SqliteConnection connection, string file)
    {
        _file = file;
        // Only under a company of the same tenant: a run for another desk's (or a just deleted) company inserts nothing.
        _insert = new(connection, $"""
            INSERT INTO company_diagnosis ({Columns})
            SELECT $id, $tenant, $company, $answers, $headline, $barrier, $step, $by, $at
            WHERE EXISTS (SELECT 1 FROM adviser_company WHERE tenant = $tenant AND id = $company)
            """);
        _list = new(connection, $"SELECT {Columns} FROM company_diagnosis WHERE tenant = $tenant AND company_id = $company ORDER BY number");
    }

    public bool TryInsert(CompanyDiagnosis d) => _insert.With(("$id", d.Id), ("$tenant", d.TenantId), ("$company", d.CompanyId),
        ("$answers", AdviserJson.Serialize(d.Answers)), ("$headline", d.Headline), ("$barrier", d.PrimaryBarrier?.Code()),
        ("$step", d.MaturityStep), ("$by", d.RanBy), ("$at", DeskCodes.Time(d.RanAt))).ExecuteNonQuery() == 1;

    public List<CompanyDiagnosis> List(string tenantId, string companyId)
    {
        using var r = _list.With(("$tenant", tenantId), ("$company", companyId)).ExecuteReader();
        var runs = new List<CompanyDiagnosis>();
        while (r.Read())
        {
            string id = r.GetString(0);
            try
            {
                runs.Add(new CompanyDiagnosis(id, r.GetString(1), r.GetString(2), AdviserJson.DeserializeAnswers(r.GetString(3)), r.GetString(4),
                    Barrier(r.IsDBNull(5) ? null : r.GetString(5)), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetString(7), DeskCodes.Time(r.GetString(8))));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
            {
                throw new InvalidDataException($"Diagnosis {tenantId}/{companyId}/{id} in {_file} cannot be read: {e.Message}", e);
            }
        }
        return runs;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _list.Dispose();
    }

    private static Stage? Barrier(string? code) =>
        code is null ? null
        : DomainCodes.TryParseStage(code, out var stage) ? stage
        : throw new InvalidDataException($"'{code}' is not a stage code.");
}
