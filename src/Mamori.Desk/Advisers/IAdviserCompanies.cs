namespace Mamori.Desk.Advisers;

/// <summary>
/// The companies a desk's advisers diagnose, and each company's runs. Every read and change names the tenant: another
/// tenant's company is simply not found, as in <see cref="Storage.IDeskStore"/>. The store stamps every time with its clock.
/// </summary>
public interface IAdviserCompanies
{
    Task<AdviserCompany> AddAsync(NewCompany company, CancellationToken cancellationToken);

    Task<AdviserCompany?> GetAsync(string tenantId, string companyId, CancellationToken cancellationToken);

    /// <summary>The tenant's companies, the most recently added first.</summary>
    Task<IReadOnlyList<AdviserCompany>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Keeps a run; null when the tenant has no such company (it may have been deleted meanwhile).</summary>
    Task<CompanyDiagnosis?> AddDiagnosisAsync(NewDiagnosis diagnosis, CancellationToken cancellationToken);

    /// <summary>The company's runs, oldest first; empty when the tenant has no such company.</summary>
    Task<IReadOnlyList<CompanyDiagnosis>> ListDiagnosesAsync(string tenantId, string companyId, CancellationToken cancellationToken);

    /// <summary>Erases the company and all its runs; false when the tenant has no such company.</summary>
    Task<bool> DeleteAsync(string tenantId, string companyId, CancellationToken cancellationToken);
}
