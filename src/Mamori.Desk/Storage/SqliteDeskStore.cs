using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>
/// The default desk store: one SQLite file (WAL mode) beside the state store's, with a table each for cases, their
/// messages, staff and the audit log. A case change reads the row, applies <see cref="CaseTransitions"/>, and writes only
/// if the version is unchanged, so two processes sharing the file are as safe as two threads.
/// </summary>
/// <remarks>
/// As in SqliteConversationStore: one open connection with prepared statements, used under a lock, and synchronous
/// calls behind the async contract, since SQLite has no async I/O and a statement takes microseconds.
/// </remarks>
public sealed class SqliteDeskStore : IDeskStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly SqliteConnection _connection;
    private readonly CaseTable _cases;
    private readonly MessageTable _messages;
    private readonly StaffTable _staff;
    private readonly AuditTable _audit;

    public SqliteDeskStore(string path, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(path);
        FilePath = full;
        _clock = clock ?? TimeProvider.System;
        _connection = SqliteFile.Open(full);
        DeskSchema.Create(_connection);
        _cases = new CaseTable(_connection, full);
        _messages = new MessageTable(_connection);
        _staff = new StaffTable(_connection);
        _audit = new AuditTable(_connection);
    }

    public string FilePath { get; }

    public Task<CaseOpening> OpenCaseAsync(NewCase request, CancellationToken cancellationToken)
    {
        var opened = new DeskCase(DeskIds.New(), request.Conversation, request.OwnerUserId, request.Channel, CaseState.Waiting,
            _clock.GetUtcNow(), request.Reason, request.Snapshot, Route: request.Route);
        lock (_gate)
        {
            if (_cases.TryInsert(opened))
                return Task.FromResult(new CaseOpening(opened, Created: true));
            // The partial unique index refused it: the conversation has an open case already, perhaps from another process.
            var existing = _cases.FindOpen(request.Conversation)
                ?? throw new InvalidOperationException($"Opening a case for {request.Conversation} in {FilePath} inserted nothing, yet none is open.");
            return Task.FromResult(new CaseOpening(existing, Created: false));
        }
    }

    public Task<DeskCase?> GetCaseAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_cases.Get(tenantId, caseId));
    }

    public Task<IReadOnlyList<DeskCase>> ListCasesAsync(string tenantId, IReadOnlyCollection<CaseState> states, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<DeskCase>>(_cases.List(tenantId, states));
    }

    public Task<DeskCase?> FindOpenCaseAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_cases.FindOpen(conversation));
    }

    public Task<DeskCase?> FindCurrentCaseAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_cases.FindCurrent(conversation));
    }

    public Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
            return Task.FromResult<IReadOnlyList<TimeSpan>>(_cases.RecentWaits(tenantId, limit));
    }

    public Task<int?> CountWaitingBeforeAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_cases.CountWaitingBefore(tenantId, caseId));
    }

    public Task<CaseChange> TakeAsync(string tenantId, string caseId, string staffId, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, (current, now) => CaseTransitions.Take(current, _staff.Get(tenantId, staffId), now));

    public Task<CaseChange> TransferAsync(string tenantId, string caseId, string toStaffId, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, (current, now) => CaseTransitions.Transfer(current, _staff.Get(tenantId, toStaffId), now));

    public Task<CaseChange> CloseAsync(string tenantId, string caseId, CaseOutcome outcome, string? notes, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, (current, now) => CaseTransitions.Close(current, outcome, notes, now));

    public Task<CaseChange> CancelAsync(string tenantId, string caseId, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, CaseTransitions.Cancel);

    public Task<CaseChange> SetSatisfactionAsync(string tenantId, string caseId, int score, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, (current, _) => CaseTransitions.RateSatisfaction(current, score));

    public Task<CaseChange> DeclineRatingAsync(string tenantId, string caseId, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, (current, _) => CaseTransitions.DeclineRating(current));

    public Task<CaseChange> SetContactAsync(string tenantId, string caseId, ContactPreference contact, long expectedVersion, CancellationToken cancellationToken) =>
        Change(tenantId, caseId, expectedVersion, (current, _) => CaseTransitions.LeaveContact(current, contact));

    public Task<CaseMessage?> AppendMessageAsync(string tenantId, string caseId, MessageSender from, string? staffId, string text, CancellationToken cancellationToken)
    {
        if ((from == MessageSender.Staff) != (staffId is not null))
            throw new ArgumentException($"A message from {from} {(staffId is null ? "needs" : "takes no")} staff id.", nameof(staffId));
        lock (_gate)
            return Task.FromResult(_messages.Append(tenantId, caseId, from, staffId, text, _clock.GetUtcNow()));
    }

    public Task<IReadOnlyList<CaseMessage>> ReadMessagesAsync(string tenantId, string caseId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
            return Task.FromResult<IReadOnlyList<CaseMessage>>(_messages.After(tenantId, caseId, afterSequence, limit));
    }

    public Task<StaffAddition> AddStaffAsync(NewStaff staff, CancellationToken cancellationToken)
    {
        var account = new StaffAccount(DeskIds.New(), staff.TenantId, staff.Login, staff.DisplayName, staff.Role, staff.PasswordHash, _clock.GetUtcNow());
        lock (_gate)
            return Task.FromResult(new StaffAddition(_staff.TryInsert(account) ? account : null));
    }

    public Task<StaffAccount?> GetStaffAsync(string tenantId, string staffId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_staff.Get(tenantId, staffId));
    }

    public Task<StaffAccount?> FindStaffByLoginAsync(string tenantId, string login, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_staff.FindByLogin(tenantId, login));
    }

    public Task<IReadOnlyList<StaffAccount>> ListStaffAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<StaffAccount>>(_staff.List(tenantId));
    }

    public Task<bool> DisableStaffAsync(string tenantId, string staffId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_staff.Disable(tenantId, staffId));
    }

    public Task<bool> SetPasswordHashAsync(string tenantId, string staffId, string passwordHash, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_staff.SetHash(tenantId, staffId, passwordHash));
    }

    public Task<AuditEntry> AppendAuditAsync(string tenantId, string? staffId, AuditAction action, string? caseId, string? detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(_clock.GetUtcNow(), tenantId, staffId, action, caseId, detail);
        lock (_gate)
            _audit.Append(entry);
        return Task.FromResult(entry);
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_audit.Newest(tenantId, limit));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cases.Dispose();
            _messages.Dispose();
            _staff.Dispose();
            _audit.Dispose();
            _connection.Dispose();
        }
    }

    private Task<CaseChange> Change(string tenantId, string caseId, long expectedVersion, Func<DeskCase, DateTimeOffset, CaseChange> transition)
    {
        lock (_gate)
        {
            if (_cases.Get(tenantId, caseId) is not { } current)
                return Task.FromResult(CaseChange.NotFound);
            if (current.Version != expectedVersion)
                return Task.FromResult(new CaseChange(CaseChangeStatus.VersionConflict, current));
            var decided = transition(current, _clock.GetUtcNow());
            if (!decided.Succeeded)
                return Task.FromResult(decided);
            var next = decided.Case! with { Version = expectedVersion + 1 };
            // Zero rows: another process changed the case between our read and this write.
            return Task.FromResult(_cases.TryUpdate(next, expectedVersion)
                ? new CaseChange(CaseChangeStatus.Changed, next)
                : new CaseChange(CaseChangeStatus.VersionConflict, _cases.Get(tenantId, caseId)));
        }
    }
}
