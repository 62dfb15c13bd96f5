using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Npgsql;

namespace Mamori.Storage.Postgres.Desk;

/// <summary>A desk_case row of <see cref="PostgresDeskStore"/>: its columns, the statements that write them, and the mapping back.</summary>
internal static class CaseRow
{
    public const string Columns = """
        id, tenant, conversation, owner_user, channel, state, opened_at, reason, snapshot, taken_by, taken_at, closed_at,
        outcome, notes, satisfaction, contact_method, contact, contact_at, version, route, rating_asked
        """;

    public const string Open = "state IN ('waiting', 'taken')";

    // DO NOTHING covers the partial unique index too: a second open case for the conversation inserts nothing.
    public const string Insert = $"""
        INSERT INTO desk_case ({Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, $10, false)
        ON CONFLICT DO NOTHING
        """;

    // The version check is in the WHERE: zero rows means another instance changed the case since it was read.
    public const string Update = """
        UPDATE desk_case SET state = $1, taken_by = $2, taken_at = $3, closed_at = $4, outcome = $5, notes = $6,
            satisfaction = $7, contact_method = $8, contact = $9, contact_at = $10, route = $11, rating_asked = $12,
            version = version + 1
        WHERE tenant = $13 AND id = $14 AND version = $15
        """;

    public static object?[] InsertValues(DeskCase c) =>
    [
        c.Id, c.TenantId, c.Conversation.ConversationId, c.OwnerUserId, c.Channel, DeskCodes.Code(c.State), c.OpenedAt, c.Reason,
        PostgresSql.Json(DeskJson.Serialize(c.Snapshot)), c.Route,
    ];

    /// <summary>Every field a transition may change, and the version the row must still have.</summary>
    public static object?[] UpdateValues(DeskCase next, long expectedVersion) =>
    [
        DeskCodes.Code(next.State), next.TakenBy, next.TakenAt, next.ClosedAt, next.Outcome is { } o ? DeskCodes.Code(o) : null, next.Notes,
        next.Satisfaction, next.Contact is { } c ? DeskCodes.Code(c.Method) : null, next.Contact?.Contact, next.Contact?.ConsentedAt,
        next.Route, next.RatingAsked, next.TenantId, next.Id, expectedVersion,
    ];

    public static DeskCase Read(NpgsqlDataReader r) =>
        DeskCaseRecord.Read(r, static (row, column) => row.GetFieldValue<DateTimeOffset>(column), r.GetBoolean(20), "");
}
