using System.Data.Common;
using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;

namespace Mamori.Desk.Storage;

/// <summary>
/// A desk_case row as both stores select it (the same 21 columns in the same order) into a <see cref="DeskCase"/>; the
/// stores differ only in how a time is kept (ISO text in SQLite, timestamptz in PostgreSQL).
/// </summary>
internal static class DeskCaseRecord
{
    /// <param name="time">Reads a time column the store's way.</param>
    /// <param name="ratingAsked">Column 20, which each store keeps as its own kind of flag.</param>
    /// <param name="where">Where the row lives, for the error about a snapshot that is not JSON.</param>
    public static DeskCase Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset> time, bool ratingAsked, string where)
    {
        var id = r.GetString(0);
        var tenant = r.GetString(1);
        CaseSnapshot snapshot;
        try
        {
            snapshot = DeskJson.DeserializeSnapshot(r.GetString(8));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"desk_case '{tenant}/{id}'{where} has a snapshot that is not valid JSON: {ex.Message}", ex);
        }
        return new DeskCase(
            id,
            new ConversationKey(tenant, r.GetString(2)),
            OwnerUserId: r.GetString(3),
            Channel: r.GetString(4),
            State: DeskCodes.Parse<CaseState>(r.GetString(5)),
            OpenedAt: time(r, 6),
            Reason: r.GetString(7),
            Snapshot: snapshot,
            TakenBy: r.IsDBNull(9) ? null : r.GetString(9),
            TakenAt: r.IsDBNull(10) ? null : time(r, 10),
            ClosedAt: r.IsDBNull(11) ? null : time(r, 11),
            Outcome: r.IsDBNull(12) ? null : DeskCodes.Parse<CaseOutcome>(r.GetString(12)),
            Notes: r.IsDBNull(13) ? null : r.GetString(13),
            Satisfaction: r.IsDBNull(14) ? null : r.GetInt32(14),
            Contact: r.IsDBNull(15)
                ? null
                : new ContactPreference(DeskCodes.Parse<ContactMethod>(r.GetString(15)), r.IsDBNull(16) ? null : r.GetString(16), time(r, 17)),
            Version: r.GetInt64(18),
            Route: r.IsDBNull(19) ? null : r.GetString(19),
            RatingAsked: ratingAsked);
    }
}
