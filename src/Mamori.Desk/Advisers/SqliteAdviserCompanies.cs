using Mamori.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Advisers;

/// <summary>
/// The advisers' companies in the desk's SQLite file (tables of their own, <see cref="AdviserSchema"/>), beside
/// <see cref="Storage.SqliteDeskStore"/>'s: one file to back up, one file to erase.
/// </summary>
/// <remarks>
/// As SqliteDeskStore: its own open connection with prepared statements, used under a lock, and synchronous calls
/// behind the async contract, since SQLite has no async I/O and a statement takes microseconds.
/// </remarks>
public sealed class SqliteAdviserCompanies : IAdviserCompanies, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly SqliteConnection _connection;
    private readonly CompanyTable _companies;
    private readonly DiagnosisTable _runs;

    public SqliteAdviserCompanies(string path, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(path);
        _clock = clock ?? TimeProvider.System;
        _connection = SqliteFile.Open(full);
        AdviserSchema.Create(_connection);
        _companies = new CompanyTable(_connection);
        _runs = new DiagnosisTable(_connection, full);
    }

    public Task<AdviserCompany> AddAsync(NewCompany company, CancellationToken cancellationToken)
    {
        var added = new AdviserCompany(DeskIds.New(), company.TenantId, company.Name, company.ContactName, company.Memo, company.ConsentedAt,
            company.CreatedBy, _clock.GetUtcNow());
        lock (_gate)
            _companies.Insert(added);
        return Task.FromResult(added);
    }

    public Task<AdviserCompany?> GetAsync(string tenantId, string companyId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_companies.Get(tenantId, companyId));
    }

    public Task<IReadOnlyList<AdviserCompany>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<AdviserCompany>>(_companies.List(tenantId));
    }

    public Task<CompanyDiagnosis?> AddDiagnosisAsync(NewDiagnosis diagnosis, CancellationToken cancellationToken)
    {
        var run = new CompanyDiagnosis(DeskIds.New(), diagnosis.TenantId, diagnosis.CompanyId, diagnosis.Answers, diagnosis.Headline,
            diagnosis.PrimaryBarrier, diagnosis.MaturityStep, diagnosis.RanBy, _clock.GetUtcNow());
        lock (_gate)
            return Task.FromResult(_runs.TryInsert(run) ? run : null);
    }

    public Task<IReadOnlyList<CompanyDiagnosis>> ListDiagnosesAsync(string tenantId, string companyId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<CompanyDiagnosis>>(_runs.List(tenantId, companyId));
    }

    public Task<bool> DeleteAsync(string tenantId, string companyId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_companies.Delete(tenantId, companyId));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _companies.Dispose();
            _runs.Dispose();
            _connection.Dispose();
        }
    }
}
