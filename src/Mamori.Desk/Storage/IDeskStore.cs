using Mamori.Core.Dialogs;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;

namespace Mamori.Desk.Storage;

/// <summary>
/// What a support desk keeps: cases, their chat, staff accounts and the audit log. Every read and change names the
/// tenant, and a case or account of another tenant is simply not found — a desk cannot reach another desk's data by id.
/// Case changes follow <see cref="CaseTransitions"/> and name the version the caller read; failures are results, not
/// exceptions. The store stamps every time with its clock.
/// </summary>
public interface IDeskStore
{
    /// <summary>Opens a Waiting case, or returns the conversation's case that is already open: one open case per conversation.</summary>
    Task<CaseOpening> OpenCaseAsync(NewCase request, CancellationToken cancellationToken);

    Task<DeskCase?> GetCaseAsync(string tenantId, string caseId, CancellationToken cancellationToken);

    /// <summary>The tenant's cases in any of <paramref name="states"/>, oldest first.</summary>
    Task<IReadOnlyList<DeskCase>> ListCasesAsync(string tenantId, IReadOnlyCollection<CaseState> states, CancellationToken cancellationToken);

    /// <summary>The conversation's Waiting or Taken case, if any: while there is one, the owner talks to the desk.</summary>
    Task<DeskCase?> FindOpenCaseAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation's latest case while it still concerns the owner's next message: open, or closed with its rating
    /// question unanswered (<see cref="DeskCase.RatingAsked"/>). One look-up for every turn of every owner.
    /// </summary>
    Task<DeskCase?> FindCurrentCaseAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>How long the tenant's latest <paramref name="limit"/> taken cases waited from opening to a person, newest first.</summary>
    Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(string tenantId, int limit, CancellationToken cancellationToken);

    /// <summary>How many of the tenant's Waiting cases were opened before this one (0: next in line); null if not found.</summary>
    Task<int?> CountWaitingBeforeAsync(string tenantId, string caseId, CancellationToken cancellationToken);

    Task<CaseChange> TakeAsync(string tenantId, string caseId, string staffId, long expectedVersion, CancellationToken cancellationToken);

    Task<CaseChange> TransferAsync(string tenantId, string caseId, string toStaffId, long expectedVersion, CancellationToken cancellationToken);

    Task<CaseChange> CloseAsync(string tenantId, string caseId, CaseOutcome outcome, string? notes, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>The owner withdrew the request (or said 「終了」 while a person had the case).</summary>
    Task<CaseChange> CancelAsync(string tenantId, string caseId, long expectedVersion, CancellationToken cancellationToken);

    Task<CaseChange> SetSatisfactionAsync(string tenantId, string caseId, int score, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>The owner went on without answering the rating question: it is not asked again.</summary>
    Task<CaseChange> DeclineRatingAsync(string tenantId, string caseId, long expectedVersion, CancellationToken cancellationToken);

    Task<CaseChange> SetContactAsync(string tenantId, string caseId, ContactPreference contact, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to the case's chat with the next sequence number; null when the tenant has no such case. A message from
    /// <see cref="MessageSender.Staff"/> names its writer, and no other does (else <see cref="ArgumentException"/>).
    /// </summary>
    Task<CaseMessage?> AppendMessageAsync(string tenantId, string caseId, MessageSender from, string? staffId, string text, CancellationToken cancellationToken);

    /// <summary>The case's messages numbered above <paramref name="afterSequence"/> (0: from the start), in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<CaseMessage>> ReadMessagesAsync(string tenantId, string caseId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Adds an account, unless its login is already taken in the tenant (then <see cref="StaffAddition.LoginTaken"/>).</summary>
    Task<StaffAddition> AddStaffAsync(NewStaff staff, CancellationToken cancellationToken);

    Task<StaffAccount?> GetStaffAsync(string tenantId, string staffId, CancellationToken cancellationToken);

    /// <summary>The account with this login in the tenant, compared as <see cref="StaffAccount.LoginKey"/> does; disabled ones too.</summary>
    Task<StaffAccount?> FindStaffByLoginAsync(string tenantId, string login, CancellationToken cancellationToken);

    /// <summary>The tenant's accounts, by login.</summary>
    Task<IReadOnlyList<StaffAccount>> ListStaffAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>False when the tenant has no such account.</summary>
    Task<bool> DisableStaffAsync(string tenantId, string staffId, CancellationToken cancellationToken);

    /// <summary>Replaces the hash (a new password, or a rehash after <c>SuccessRehashNeeded</c>); false when not found.</summary>
    Task<bool> SetPasswordHashAsync(string tenantId, string staffId, string passwordHash, CancellationToken cancellationToken);

    Task<AuditEntry> AppendAuditAsync(string tenantId, string? staffId, AuditAction action, string? caseId, string? detail, CancellationToken cancellationToken);

    /// <summary>The tenant's audit log, newest first, at most <paramref name="limit"/> entries.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string tenantId, int limit, CancellationToken cancellationToken);
}
