namespace Mamori.Desk.Audit;

/// <summary>One line of a desk's audit log: who did what to which case, and when. Never a message's text or a password.</summary>
/// <param name="StaffId">Null when the owner or Mamori itself acted (opening, cancelling) or the login was unknown.</param>
/// <param name="Detail">A short, non-personal note ("to staff X", "outcome resolved", the login name that failed…).</param>
public sealed record AuditEntry(DateTimeOffset At, string TenantId, string? StaffId, AuditAction Action, string? CaseId, string? Detail);

/// <summary>Stored as snake_case codes (opened, handed_back, login_failed, company_added…).</summary>
public enum AuditAction
{
    Opened,
    Viewed,
    Taken,
    Transferred,
    Messaged,
    Closed,
    HandedBack,
    Cancelled,
    Login,
    LoginFailed,
    LoginLocked,
    /// <summary>A staff member opened the adviser's view of an owner's report (the detail names the conversation).</summary>
    ReportViewed,
    StaffAdded,
    // An adviser's own companies (Advisers/): the detail names the company, never its name or the answers.
    CompanyAdded,
    CompanyViewed,
    CompanyDiagnosed,
    CompanyReportPrinted,
    CompanyDeleted,
}
