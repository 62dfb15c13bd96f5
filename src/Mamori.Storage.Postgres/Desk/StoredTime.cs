namespace Mamori.Storage.Postgres.Desk;

/// <summary>Times as timestamptz keeps them: UTC, to the microsecond.</summary>
internal static class StoredTime
{
    /// <summary>
    /// <paramref name="at"/> as it will read back. The desk stores hand out this value rather than the tick-precise one,
    /// so a record they return equals the same record read later, as with SQLite's text times.
    /// </summary>
    public static DateTimeOffset Of(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public static DateTimeOffset Now(TimeProvider clock) => Of(clock.GetUtcNow());
}
