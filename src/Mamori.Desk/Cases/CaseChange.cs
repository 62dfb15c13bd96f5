namespace Mamori.Desk.Cases;

/// <summary>
/// The result of a change to a case. Failures are values, not exceptions: a console click on a case a colleague just took
/// is an everyday event, and the caller shows <see cref="Refusal"/> or reloads.
/// </summary>
/// <param name="Case">The case after the change; on a failure, as it is now (null when not found).</param>
/// <param name="Refusal">Why the change is not allowed, for the log and the console.</param>
public sealed record CaseChange(CaseChangeStatus Status, DeskCase? Case, string? Refusal = null)
{
    public bool Succeeded => Status == CaseChangeStatus.Changed;

    public static CaseChange NotFound { get; } = new(CaseChangeStatus.NotFound, null);
}

public enum CaseChangeStatus
{
    Changed,
    /// <summary>No such case in this tenant (a case of another tenant is not found either).</summary>
    NotFound,
    /// <summary>Someone changed the case since the caller read it: reload and decide again.</summary>
    VersionConflict,
    /// <summary>The change does not apply to the case as it is (wrong state, unknown staff, a score out of range…).</summary>
    NotAllowed,
}
