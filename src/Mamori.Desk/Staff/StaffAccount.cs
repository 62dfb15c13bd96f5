namespace Mamori.Desk.Staff;

/// <summary>A person at one tenant's desk. The same person at two chambers has two accounts.</summary>
/// <param name="Login">Unique within the tenant, compared without regard to case or full-width letters (<see cref="LoginKey"/>).</param>
/// <param name="PasswordHash">ASP.NET Core Identity's format (<see cref="StaffPasswords"/>); never the password.</param>
/// <param name="Disabled">A disabled account cannot sign in, take or be given a case; it stays for the audit log.</param>
public sealed record StaffAccount(
    string Id,
    string TenantId,
    string Login,
    string DisplayName,
    StaffRole Role,
    string PasswordHash,
    DateTimeOffset CreatedAt,
    bool Disabled = false)
{
    /// <summary>The form logins are compared in: NFKC (full-width ＡＢＣ = ABC), trimmed, lower case.</summary>
    public static string LoginKey(string login) => login.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToLowerInvariant();
}

/// <summary>Staff work their own cases; a supervisor sees and reassigns the whole desk.</summary>
public enum StaffRole
{
    Staff,
    Supervisor,
}

/// <summary>What the store needs to add an account; it gives the id and the creation time.</summary>
public sealed record NewStaff(string TenantId, string Login, string DisplayName, StaffRole Role, string PasswordHash);

/// <summary>The account added, or null in <see cref="Account"/> when the login is already taken in that tenant.</summary>
public sealed record StaffAddition(StaffAccount? Account)
{
    public bool LoginTaken => Account is null;
}
