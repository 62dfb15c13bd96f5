using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>The desk_case rows of <see cref="SqliteDeskStore"/>: prepared statements and the row mapping; the caller holds the lock.</summary>
internal sealed class CaseTable : IDisposable
{
    private const string Columns = """
        id, tenant, conversation, owner_user, channel, state, opened_at, reason, snapshot, taken_by, taken_at, closed_at,
        outcome, notes, satisfaction, contact_method, contact, contact_at, version, route, rating_asked
        """;

    private static readonly string Waiting = DeskCodes.Code(CaseState.Waiting);
    // One IN slot per state, so any set of states is one prepared statement; unused slots are NULL, which IN never matches.
    private static readonly string[] StateSlots = Enum.GetValues<CaseState>().Select((_, i) => $"$s{i}").ToArray();

    private readonly string _file;
    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _select;
    private readonly SqliteStatement _selectOpen;
    private readonly SqliteStatement _list;
    private readonly SqliteStatement _countBefore;
    private readonly SqliteStatement _current;
    private readonly SqliteStatement _recentWaits;
    private readonly SqliteStatement _update;

    public CaseTable(SqliteConnection connection, string file)
    {
        _file = file;
        // DO NOTHING covers the partial unique index too: a second open case for the conversation inserts nothing.
        _insert = new(connection, $"""
            INSERT INTO desk_case ({Columns})
            VALUES ($id, $tenant, $conversation, $owner, $channel, $state, $opened, $reason, $snapshot, NULL, NULL, NULL,
                    NULL, NULL, NULL, NULL, NULL, NULL, 1, $route, 0)
            ON CONFLICT DO NOTHING
            """);
        _select = new(connection, $"SELECT {Columns} FROM desk_case WHERE tenant = $tenant AND id = $id");
        _selectOpen = new(connection,
            $"SELECT {Columns} FROM desk_case WHERE tenant = $tenant AND conversation = $conversation AND state IN ('waiting', 'taken')");
        _list = new(connection, $"SELECT {Columns} FROM desk_case WHERE tenant = $tenant AND state IN ({string.Join(", ", StateSlots)}) ORDER BY number");
        _countBefore = new(connection, """
            SELECT (SELECT COUNT(*) FROM desk_case w WHERE w.tenant = c.tenant AND w.state = $waiting AND w.number < c.number)
            FROM desk_case c WHERE c.tenant = $tenant AND c.id = $id
            """);
        _current = new(connection, $"""
            SELECT {Columns} FROM desk_case
            WHERE tenant = $tenant AND conversation = $conversation AND (state IN ('waiting', 'taken') OR rating_asked = 1)
            ORDER BY number DESC LIMIT 1
            """);
        _recentWaits = new(connection,
            "SELECT opened_at, taken_at FROM desk_case WHERE tenant = $tenant AND taken_at IS NOT NULL ORDER BY number DESC LIMIT $limit");
        _update = new(connection, """
            UPDATE desk_case SET state = $state, taken_by = $takenBy, taken_at = $takenAt, closed_at = $closedAt, outcome = $outcome,
                notes = $notes, satisfaction = $satisfaction, contact_method = $contactMethod, contact = $contact, contact_at = $contactAt,
                route = $route, rating_asked = $ratingAsked, version = version + 1
            WHERE tenant = $tenant AND id = $id AND version = $version
            """);
    }

    public bool TryInsert(DeskCase c) => _insert.With(
        ("$id", c.Id), ("$tenant", c.TenantId), ("$conversation", c.Conversation.ConversationId), ("$owner", c.OwnerUserId),
        ("$channel", c.Channel), ("$state", DeskCodes.Code(c.State)), ("$opened", DeskCodes.Time(c.OpenedAt)), ("$reason", c.Reason),
        ("$snapshot", DeskJson.Serialize(c.Snapshot)), ("$route", c.Route)).ExecuteNonQuery() == 1;

    public DeskCase? Get(string tenantId, string caseId) => ReadOne(_select.With(("$tenant", tenantId), ("$id", caseId)));

    public DeskCase? FindOpen(ConversationKey conversation) =>
        ReadOne(_selectOpen.With(("$tenant", conversation.TenantId), ("$conversation", conversation.ConversationId)));

    public DeskCase? FindCurrent(ConversationKey conversation) =>
        ReadOne(_current.With(("$tenant", conversation.TenantId), ("$conversation", conversation.ConversationId)));

    /// <summary>How long the latest taken cases waited for a person, newest first.</summary>
    public List<TimeSpan> RecentWaits(string tenantId, int limit)
    {
        using var reader = _recentWaits.With(("$tenant", tenantId), ("$limit", limit)).ExecuteReader();
        var waits = new List<TimeSpan>();
        while (reader.Read())
            waits.Add(DeskCodes.Time(reader.GetString(1)) - DeskCodes.Time(reader.GetString(0)));
        return waits;
    }

    public List<DeskCase> List(string tenantId, IReadOnlyCollection<CaseState> states)
    {
        var codes = states.Distinct().Select(s => DeskCodes.Code(s)).ToArray();
        var values = StateSlots.Select((slot, i) => (slot, (object?)(i < codes.Length ? codes[i] : null))).Prepend(("$tenant", tenantId)).ToArray();
        using var reader = _list.With(values).ExecuteReader();
        var cases = new List<DeskCase>();
        while (reader.Read())
            cases.Add(Read(reader));
        return cases;
    }

    public int? CountWaitingBefore(string tenantId, string caseId) =>
        _countBefore.With(("$waiting", Waiting), ("$tenant", tenantId), ("$id", caseId)).ExecuteScalar() is long count ? (int)count : null;

    /// <summary>Writes every field a transition may change, only if the row still has <paramref name="expectedVersion"/>.</summary>
    public bool TryUpdate(DeskCase next, long expectedVersion) => _update.With(
        ("$state", DeskCodes.Code(next.State)), ("$takenBy", next.TakenBy), ("$takenAt", TimeOrNull(next.TakenAt)),
        ("$closedAt", TimeOrNull(next.ClosedAt)), ("$outcome", next.Outcome is { } o ? DeskCodes.Code(o) : null), ("$notes", next.Notes),
        ("$satisfaction", next.Satisfaction), ("$contactMethod", next.Contact is { } c ? DeskCodes.Code(c.Method) : null),
        ("$contact", next.Contact?.Contact), ("$contactAt", TimeOrNull(next.Contact?.ConsentedAt)),
        ("$route", next.Route), ("$ratingAsked", next.RatingAsked ? 1 : 0),
        ("$tenant", next.TenantId), ("$id", next.Id), ("$version", expectedVersion)).ExecuteNonQuery() == 1;

    public void Dispose()
    {
        foreach (var statement in new[] { _insert, _select, _selectOpen, _list, _countBefore, _current, _recentWaits, _update })
            statement.Dispose();
    }

    private DeskCase? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private DeskCase Read(SqliteDataReader r) =>
        DeskCaseRecord.Read(r, static (row, column) => DeskCodes.Time(row.GetString(column)), r.GetInt64(20) != 0, $" in {_file}");

    private static string? TimeOrNull(DateTimeOffset? at) => at is { } value ? DeskCodes.Time(value) : null;
}
