using Mamori.Core.Dialogs;
using Mamori.Desk;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Npgsql;

namespace Mamori.Storage.Postgres.Desk;

/// <summary>
/// The desk's cases, their chat, staff and the audit log in PostgreSQL, for several host instances sharing one database,
/// with the semantics of <see cref="SqliteDeskStore"/>: a case change reads the row, applies <see cref="CaseTransitions"/>
/// and writes only if the version is unchanged (the check is in the UPDATE); the partial unique index keeps one open case
/// per conversation; a case's messages are numbered under a lock on its row. Times are stamped with the clock, to the microsecond.
/// </summary>
public sealed class PostgresDeskStore(NpgsqlDataSource database, TimeProvider clock) : IDeskStore
{
    /// <summary>The tables this store needs (Migrations/desk/).</summary>
    public static MigrationHistory Migrations { get; } = MigrationHistory.FromResources(typeof(PostgresDeskStore).Assembly, "desk");

    private const string StaffColumns = "id, tenant, login, display_name, role, password_hash, created_at, disabled";

    public async Task<CaseOpening> OpenCaseAsync(NewCase request, CancellationToken cancellationToken)
    {
        var opened = new DeskCase(DeskIds.New(), request.Conversation, request.OwnerUserId, request.Channel, CaseState.Waiting,
            StoredTime.Now(clock), request.Reason, request.Snapshot, Route: request.Route);
        // The index refuses a second open case, perhaps from another instance; that case is returned. Only if it ended
        // between the refusal and the look-up is there none, and then the conversation may open one again.
        while (true)
        {
            if (await database.ExecuteAsync(CaseRow.Insert, CaseRow.InsertValues(opened), cancellationToken) == 1)
                return new CaseOpening(opened, Created: true);
            if (await FindOpenCaseAsync(request.Conversation, cancellationToken) is { } existing)
                return new CaseOpening(existing, Created: false);
        }
    }

    public async Task<DeskCase?> GetCaseAsync(string tenantId, string caseId, CancellationToken cancellationToken) =>
        (await database.ReadAsync($"SELECT {CaseRow.Columns} FROM desk_case WHERE tenant = $1 AND id = $2", [tenantId, caseId], CaseRow.Read,
            cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<DeskCase>> ListCasesAsync(string tenantId, IReadOnlyCollection<CaseState> states, CancellationToken cancellationToken) =>
        await database.ReadAsync($"SELECT {CaseRow.Columns} FROM desk_case WHERE tenant = $1 AND state = ANY($2) ORDER BY number",
            [tenantId, states.Distinct().Select(s => DeskCodes.Code(s)).ToArray()], CaseRow.Read, cancellationToken);

    public async Task<DeskCase?> FindOpenCaseAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        (await database.ReadAsync($"SELECT {CaseRow.Columns} FROM desk_case WHERE tenant = $1 AND conversation = $2 AND {CaseRow.Open}",
            [conversation.TenantId, conversation.ConversationId], CaseRow.Read, cancellationToken)).SingleOrDefault();

    public async Task<DeskCase?> FindCurrentCaseAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        (await database.ReadAsync($"""
            SELECT {CaseRow.Columns} FROM desk_case
            WHERE tenant = $1 AND conversation = $2 AND ({CaseRow.Open} OR rating_asked)
            ORDER BY number DESC LIMIT 1
            """, [conversation.TenantId, conversation.ConversationId], CaseRow.Read, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await database.ReadAsync(
            "SELECT opened_at, taken_at FROM desk_case WHERE tenant = $1 AND taken_at IS NOT NULL ORDER BY number DESC LIMIT $2", [tenantId, limit],
            r => r.GetFieldValue<DateTimeOffset>(1) - r.GetFieldValue<DateTimeOffset>(0), cancellationToken);
    }

    public async Task<int?> CountWaitingBeforeAsync(string tenantId, string caseId, CancellationToken cancellationToken) =>
        await database.ScalarAsync("""
            SELECT (SELECT count(*) FROM desk_case w WHERE w.tenant = c.tenant AND w.state = 'waiting' AND w.number < c.number)
            FROM desk_case c WHERE c.tenant = $1 AND c.id = $2
            """, [tenantId, caseId], cancellationToken) is long count ? (int)count : null;

    public async Task<CaseChange> TakeAsync(string tenantId, string caseId, string staffId, long expectedVersion, CancellationToken cancellationToken)
    {
        var staff = await GetStaffAsync(tenantId, staffId, cancellationToken);
        return await ChangeAsync(tenantId, caseId, expectedVersion, (current, now) => CaseTransitions.Take(current, staff, now), cancellationToken);
    }

    public async Task<CaseChange> TransferAsync(string tenantId, string caseId, string toStaffId, long expectedVersion, CancellationToken cancellationToken)
    {
        var to = await GetStaffAsync(tenantId, toStaffId, cancellationToken);
        return await ChangeAsync(tenantId, caseId, expectedVersion, (current, now) => CaseTransitions.Transfer(current, to, now), cancellationToken);
    }

    public Task<CaseChange> CloseAsync(string tenantId, string caseId, CaseOutcome outcome, string? notes, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, caseId, expectedVersion, (current, now) => CaseTransitions.Close(current, outcome, notes, now), cancellationToken);

    public Task<CaseChange> CancelAsync(string tenantId, string caseId, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, caseId, expectedVersion, CaseTransitions.Cancel, cancellationToken);

    public Task<CaseChange> SetSatisfactionAsync(string tenantId, string caseId, int score, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, caseId, expectedVersion, (current, _) => CaseTransitions.RateSatisfaction(current, score), cancellationToken);

    public Task<CaseChange> DeclineRatingAsync(string tenantId, string caseId, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, caseId, expectedVersion, (current, _) => CaseTransitions.DeclineRating(current), cancellationToken);

    public Task<CaseChange> SetContactAsync(string tenantId, string caseId, ContactPreference contact, long expectedVersion, CancellationToken cancellationToken)
    {
        var stored = contact with { ConsentedAt = StoredTime.Of(contact.ConsentedAt) };
        return ChangeAsync(tenantId, caseId, expectedVersion, (current, _) => CaseTransitions.LeaveContact(current, stored), cancellationToken);
    }

    public async Task<CaseMessage?> AppendMessageAsync(string tenantId, string caseId, MessageSender from, string? staffId, string text, CancellationToken cancellationToken)
    {
        if ((from == MessageSender.Staff) != (staffId is not null))
            throw new ArgumentException($"A message from {from} {(staffId is null ? "needs" : "takes no")} staff id.", nameof(staffId));
        var at = StoredTime.Now(clock);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The case row's lock queues the case's writers on every instance. The next number is read in a statement of its
        // own once the lock is held, so its snapshot has every message committed before: 1, 2, 3… without a gap or a repeat.
        await using (var lockCase = new NpgsqlCommand("SELECT 1 FROM desk_case WHERE tenant = $1 AND id = $2 FOR UPDATE", connection, transaction)
            .With(tenantId, caseId))
        {
            if (await lockCase.ExecuteScalarAsync(cancellationToken) is null)
                return null;
        }
        long sequence;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO case_message (tenant, case_id, seq, sender, staff_id, text, at)
            SELECT $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5, $6 FROM case_message WHERE tenant = $1 AND case_id = $2
            RETURNING seq
            """, connection, transaction).With(tenantId, caseId, DeskCodes.Code(from), staffId, text, at))
        {
            sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }
        await transaction.CommitAsync(cancellationToken);
        return new CaseMessage(caseId, sequence, from, staffId, text, at);
    }

    public async Task<IReadOnlyList<CaseMessage>> ReadMessagesAsync(string tenantId, string caseId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await database.ReadAsync("""
            SELECT seq, sender, staff_id, text, at FROM case_message
            WHERE tenant = $1 AND case_id = $2 AND seq > $3 ORDER BY seq LIMIT $4
            """, [tenantId, caseId, afterSequence, limit],
            r => new CaseMessage(caseId, r.GetInt64(0), DeskCodes.Parse<MessageSender>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken);
    }

    public async Task<StaffAddition> AddStaffAsync(NewStaff staff, CancellationToken cancellationToken)
    {
        var account = new StaffAccount(DeskIds.New(), staff.TenantId, staff.Login, staff.DisplayName, staff.Role, staff.PasswordHash, StoredTime.Now(clock));
        // DO NOTHING covers staff's unique (tenant, login_key): a login taken in the tenant, on any instance, inserts nothing.
        int inserted = await database.ExecuteAsync("""
            INSERT INTO staff (id, tenant, login, login_key, display_name, role, password_hash, created_at, disabled)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false)
            ON CONFLICT DO NOTHING
            """, [account.Id, account.TenantId, account.Login, StaffAccount.LoginKey(account.Login), account.DisplayName, DeskCodes.Code(account.Role),
            account.PasswordHash, account.CreatedAt], cancellationToken);
        return new StaffAddition(inserted == 1 ? account : null);
    }

    public async Task<StaffAccount?> GetStaffAsync(string tenantId, string staffId, CancellationToken cancellationToken) =>
        (await database.ReadAsync($"SELECT {StaffColumns} FROM staff WHERE tenant = $1 AND id = $2", [tenantId, staffId], ReadStaff,
            cancellationToken)).SingleOrDefault();

    public async Task<StaffAccount?> FindStaffByLoginAsync(string tenantId, string login, CancellationToken cancellationToken) =>
        (await database.ReadAsync($"SELECT {StaffColumns} FROM staff WHERE tenant = $1 AND login_key = $2", [tenantId, StaffAccount.LoginKey(login)],
            ReadStaff, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<StaffAccount>> ListStaffAsync(string tenantId, CancellationToken cancellationToken) =>
        await database.ReadAsync($"SELECT {StaffColumns} FROM staff WHERE tenant = $1 ORDER BY login_key", [tenantId], ReadStaff, cancellationToken);

    public async Task<bool> DisableStaffAsync(string tenantId, string staffId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE staff SET disabled = true WHERE tenant = $1 AND id = $2", [tenantId, staffId], cancellationToken) == 1;

    public async Task<bool> SetPasswordHashAsync(string tenantId, string staffId, string passwordHash, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE staff SET password_hash = $3 WHERE tenant = $1 AND id = $2", [tenantId, staffId, passwordHash],
            cancellationToken) == 1;

    public async Task<AuditEntry> AppendAuditAsync(string tenantId, string? staffId, AuditAction action, string? caseId, string? detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(StoredTime.Now(clock), tenantId, staffId, action, caseId, detail);
        await database.ExecuteAsync("INSERT INTO audit (tenant, at, staff_id, action, case_id, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            [entry.TenantId, entry.At, entry.StaffId, DeskCodes.Code(entry.Action), entry.CaseId, entry.Detail], cancellationToken);
        return entry;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // By number, not time: two entries in the same microsecond keep the order they were written in.
        return await database.ReadAsync("SELECT at, staff_id, action, case_id, detail FROM audit WHERE tenant = $1 ORDER BY number DESC LIMIT $2",
            [tenantId, limit],
            r => new AuditEntry(r.GetFieldValue<DateTimeOffset>(0), tenantId, r.IsDBNull(1) ? null : r.GetString(1), DeskCodes.Parse<AuditAction>(r.GetString(2)),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken);
    }

    private async Task<CaseChange> ChangeAsync(string tenantId, string caseId, long expectedVersion, Func<DeskCase, DateTimeOffset, CaseChange> transition,
        CancellationToken cancellationToken)
    {
        if (await GetCaseAsync(tenantId, caseId, cancellationToken) is not { } current)
            return CaseChange.NotFound;
        if (current.Version != expectedVersion)
            return new CaseChange(CaseChangeStatus.VersionConflict, current);
        var decided = transition(current, StoredTime.Now(clock));
        if (!decided.Succeeded)
            return decided;
        var next = decided.Case! with { Version = expectedVersion + 1 };
        // Zero rows: another instance changed the case between our read and this write.
        return await database.ExecuteAsync(CaseRow.Update, CaseRow.UpdateValues(next, expectedVersion), cancellationToken) == 1
            ? new CaseChange(CaseChangeStatus.Changed, next)
            : new CaseChange(CaseChangeStatus.VersionConflict, await GetCaseAsync(tenantId, caseId, cancellationToken));
    }

    private static StaffAccount ReadStaff(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DeskCodes.Parse<StaffRole>(r.GetString(4)), r.GetString(5),
            r.GetFieldValue<DateTimeOffset>(6), r.GetBoolean(7));
}
