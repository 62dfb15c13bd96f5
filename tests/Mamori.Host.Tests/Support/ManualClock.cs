namespace Mamori.Host.Tests.Support;

/// <summary>A clock the test moves by hand, for what expires (idle conversations, a hub's hold).</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
