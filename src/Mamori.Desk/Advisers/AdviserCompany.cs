namespace Mamori.Desk.Advisers;

/// <summary>
/// A company an adviser of the desk (an IT vendor, an ITコーディネータ, a chamber adviser) diagnoses on the owner's
/// behalf. Kept only with the owner's consent, and erasable with all its runs.
/// </summary>
/// <param name="ConsentedAt">When the adviser recorded that the owner agreed to the desk keeping the results.</param>
/// <param name="CreatedBy">The staff id of the desk member who added it.</param>
public sealed record AdviserCompany(
    string Id,
    string TenantId,
    string Name,
    string? ContactName,
    string? Memo,
    DateTimeOffset ConsentedAt,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>What the store needs to add a company; it gives the id and the creation time.</summary>
public sealed record NewCompany(string TenantId, string Name, string? ContactName, string? Memo, DateTimeOffset ConsentedAt, string CreatedBy);
