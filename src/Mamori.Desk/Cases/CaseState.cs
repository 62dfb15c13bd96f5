namespace Mamori.Desk.Cases;

/// <summary>
/// Where a case is: <see cref="Waiting"/> for a person, <see cref="Taken"/> by one, then <see cref="Closed"/> by the desk
/// (with an outcome) or <see cref="Cancelled"/> by the owner. Closed and Cancelled are final.
/// </summary>
public enum CaseState
{
    Waiting,
    Taken,
    Closed,
    Cancelled,
}

/// <summary>How the desk closed a case.</summary>
public enum CaseOutcome
{
    Resolved,
    Referred,
    NoResponse,
    Other,
}
