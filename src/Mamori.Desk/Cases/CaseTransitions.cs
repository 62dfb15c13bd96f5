using Mamori.Desk.Staff;

namespace Mamori.Desk.Cases;

/// <summary>
/// The state machine, pure: each method gives the next case or says why not. A store reads the case, asks here, and saves
/// the result under the version it read, so every store applies the same rules.
/// </summary>
/// <remarks>
/// Waiting → Taken (take) → Taken (transfer to a colleague) → Closed (with an outcome); Waiting or Taken → Cancelled by
/// the owner. Satisfaction is asked once the desk closes a case and answered (or declined) once; a contact preference is
/// left while the case is open. When a case ends its route and contact details are forgotten: they were given for it.
/// </remarks>
public static class CaseTransitions
{
    public static CaseChange Take(DeskCase current, StaffAccount? staff, DateTimeOffset now)
    {
        if (current.State != CaseState.Waiting)
            return Refuse(current, $"case {current.Id} is {current.State}, not Waiting: it cannot be taken");
        return CanWork(current, staff) ?? Changed(current with { State = CaseState.Taken, TakenBy = staff!.Id, TakenAt = now });
    }

    public static CaseChange Transfer(DeskCase current, StaffAccount? to, DateTimeOffset now)
    {
        if (current.State != CaseState.Taken)
            return Refuse(current, $"case {current.Id} is {current.State}, not Taken: only a taken case is transferred");
        if (to is not null && to.Id == current.TakenBy)
            return Refuse(current, $"case {current.Id} is already with staff {to.Id}");
        return CanWork(current, to) ?? Changed(current with { TakenBy = to!.Id, TakenAt = now });
    }

    public static CaseChange Close(DeskCase current, CaseOutcome outcome, string? notes, DateTimeOffset now) =>
        current.State == CaseState.Taken
            // The rating is asked in the chat, so only where the owner can be reached there.
            ? Changed(Forgotten(current) with { State = CaseState.Closed, Outcome = outcome, Notes = notes, ClosedAt = now, RatingAsked = current.Route is not null })
            : Refuse(current, $"case {current.Id} is {current.State}, not Taken: only a taken case is closed");

    public static CaseChange Cancel(DeskCase current, DateTimeOffset now) =>
        current.IsOpen
            ? Changed(Forgotten(current) with { State = CaseState.Cancelled, ClosedAt = now })
            : Refuse(current, $"case {current.Id} has ended ({current.State}): there is nothing to cancel");

    public static CaseChange RateSatisfaction(DeskCase current, int score)
    {
        if (score is < 1 or > 5)
            return Refuse(current, $"satisfaction must be 1-5, got {score}");
        return current.RatingAsked
            ? Changed(current with { Satisfaction = score, RatingAsked = false })
            : Refuse(current, $"case {current.Id} is {current.State}: satisfaction is asked once, after the desk closes it");
    }

    /// <summary>The owner went on without rating: the question is not asked again.</summary>
    public static CaseChange DeclineRating(DeskCase current) =>
        current.RatingAsked
            ? Changed(current with { RatingAsked = false })
            : Refuse(current, $"case {current.Id} has no rating question open");

    public static CaseChange LeaveContact(DeskCase current, ContactPreference contact)
    {
        if (!current.IsOpen)
            return Refuse(current, $"case {current.Id} has ended ({current.State}): a contact preference is left while it is open");
        bool needsText = contact.Method is ContactMethod.Phone or ContactMethod.Email;
        if (needsText && string.IsNullOrWhiteSpace(contact.Contact))
            return Refuse(current, $"contact by {contact.Method} needs the number or address");
        if (!needsText && contact.Contact is not null)
            return Refuse(current, $"contact by {contact.Method} takes no contact text");
        return Changed(current with { Contact = contact });
    }

    // Staff of another tenant are refused as "unknown" on purpose: the answer must not tell whether the id exists elsewhere.
    private static CaseChange? CanWork(DeskCase current, StaffAccount? staff) =>
        staff is null || staff.TenantId != current.TenantId ? Refuse(current, "no such staff account at this desk")
        : staff.Disabled ? Refuse(current, $"staff account {staff.Login} is disabled")
        : null;

    // The phone number or address stays out of ended cases: the method and consent time remain, for the record.
    private static DeskCase Forgotten(DeskCase current) =>
        current with { Route = null, Contact = current.Contact is { } c ? c with { Contact = null } : null };

    private static CaseChange Changed(DeskCase next) => new(CaseChangeStatus.Changed, next);

    private static CaseChange Refuse(DeskCase current, string reason) => new(CaseChangeStatus.NotAllowed, current, reason);
}
