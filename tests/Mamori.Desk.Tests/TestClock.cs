namespace Mamori.Desk.Tests;

/// <summary>A clock the test moves by hand, so recorded times can be asserted exactly.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static TestClock At2026() => new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => _now;

    public DateTimeOffset Advance(TimeSpan by) => _now += by;
}
