using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Channels.Turns;

/// <summary>How bot turns share the machine, over every channel.</summary>
public sealed class TurnsOptions
{
    public const string Section = "Channels:Turns";

    /// <summary>
    /// Bot turns computing at once across all conversations and channels (0 = twice the processor count). The engine's
    /// work is CPU and a locked SQLite statement, so more at once only make threads spin and queue on that lock; the rest
    /// wait without a thread. A turn awaiting I/O (a model call) does not count.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxConcurrentTurns { get; set; }
}
