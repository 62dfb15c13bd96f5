using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// How the LINE webhook behaves for every tenant (Channels:Line). Each tenant's own channel secret and access token are
/// tenant settings (Tenants:&lt;id&gt;:Line).
/// </summary>
public sealed class LineOptions
{
    public const string Section = "Channels:Line";

    /// <summary>Largest webhook body accepted; LINE's own requests are a few kilobytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Events accepted but not yet answered, over all tenants. Beyond it the webhook answers 503 and LINE, with
    /// redelivery turned on in its console, sends the events again later.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPendingEvents { get; set; } = 2000;

    /// <summary>
    /// Events answered at the same time (0: one per processor core). Few on purpose: the webhook must answer LINE at
    /// once, and a flood of background turns queued ahead of it on the thread pool would make it wait.
    /// </summary>
    [Range(0, 1024)]
    public int MaxConcurrentEvents { get; set; }

    /// <summary>
    /// How long after receiving an event its reply token is still used. LINE asks for the reply within about a minute;
    /// later replies go out as push messages, which count against the account's monthly quota.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>The loading animation starts when an answer takes longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan LoadingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tries per call to the LINE API after a network error or a 5xx (a push keeps its retry key across them).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
